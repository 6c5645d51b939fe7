/**
 * Reading a JSX element's attributes in an MDX tree (mdast or hast alike). Issue bodies give
 * components plain string attributes (`<CityReport city="xinzhou">`); an expression attribute
 * (`id={x}`) is not a string and reads as absent here.
 */
import type { MdxJsxAttribute, MdxJsxExpressionAttribute } from 'mdast-util-mdx-jsx';

/** A JSX element of either tree: what the readers below need of it. */
export interface JsxAttributes {
  attributes: readonly (MdxJsxAttribute | MdxJsxExpressionAttribute)[];
}

/** The string value of attribute `name`, or undefined when it is absent or not a string. */
export function jsxAttribute(element: JsxAttributes, name: string): string | undefined {
  for (const a of element.attributes)
    if (a.type === 'mdxJsxAttribute' && a.name === name && typeof a.value === 'string') return a.value;
  return undefined;
}

/** Whether the element names attribute `name` at all, whatever its value. */
export function hasJsxAttribute(element: JsxAttributes, name: string): boolean {
  return element.attributes.some((a) => a.type === 'mdxJsxAttribute' && a.name === name);
}

/** Every string attribute of the element, by name. */
export function jsxStringAttributes(element: JsxAttributes): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of element.attributes)
    if (a.type === 'mdxJsxAttribute' && typeof a.value === 'string') out[a.name] = a.value;
  return out;
}
