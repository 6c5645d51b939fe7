declare namespace App {
  interface Locals {
    /** The issue being rendered, for the MDX components (`<Article>`, `<CityReport>`) to look up their metadata. */
    issue?: import('#schemas/issue.ts').Issue;
    /** Its page scans by page (版), for `<Page>` to show the 版面. */
    scans?: import('#components/issue/issue-context.ts').PageScans;
    /** Where each of its figures is printed, for `<CityReport>` to anchor the heading lines that state one. */
    figureSources?: readonly import('#lib/figures/sources.ts').FigureSource[];
  }
}
