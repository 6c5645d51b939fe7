/** What editors may write in an issue's MDX. */
import Article from './Article.astro';
import CityReport from './CityReport.astro';
import Page from './Page.astro';
import Photo from './Photo.astro';

export const mdxComponents = { Page, Article, CityReport, Photo };
