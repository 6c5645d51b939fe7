/** The issues collection, newest first, for pages: the one place pages read content from. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { compareNewestFirst } from '#lib/archive/order.ts';

export type IssueEntry = CollectionEntry<'issues'>;

export async function getIssues(): Promise<IssueEntry[]> {
  const entries = await getCollection('issues');
  return entries.sort((a, b) => compareNewestFirst(a.data, b.data));
}
