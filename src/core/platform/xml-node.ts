/**
 * The small, DOM-free tree the platform decoders read. The transport turns the proxy's XML into this tree
 * (with the browser's DOMParser), so the decoders stay pure and run in Node as well as in the browser.
 * Namespace prefixes are dropped from `name` (`wc:info` becomes `info`); children keep document order.
 */
export interface XmlNode {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlNode[];
  /** The concatenated text directly inside this element, untrimmed. */
  readonly text: string;
}

/** The first child element called `name`, if any. */
export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return node?.children.find((c) => c.name === name);
}

/** Every child element called `name`, in document order. */
export function childrenNamed(node: XmlNode | undefined, name: string): XmlNode[] {
  return node ? node.children.filter((c) => c.name === name) : [];
}

/** The trimmed text of the first child called `name`, or undefined when that child is absent. */
export function childText(node: XmlNode | undefined, name: string): string | undefined {
  return child(node, name)?.text.trim();
}
