declare namespace App {
  interface Locals {
    /** The issue being rendered, for the MDX components (`<Article>`, `<CityReport>`) to look up their metadata. */
    issue?: import('#schemas/issue.ts').Issue;
  }
}
