import { createReadStream } from "node:fs";
import { SaxesParser, type SaxesTagNS } from "saxes";
import { ImportError, type FilePosition } from "@/lib/import/errors";

/** One element of a record, with its namespace, attributes (by local name) and text. */
export type XmlNode = {
  uri: string;
  local: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  /** The element's own text and CDATA, concatenated (children's text excluded). */
  text: string;
  position: FilePosition;
};

/** The file's root element: which format it is, told by its name and namespaces. */
export type XmlRoot = { uri: string; local: string; namespaces: string[] };

export type RecordShape = {
  /** Depth of the record elements below the root (Atom `entry`: 1, RSS `item`: 2). */
  recordDepth: number;
  /** The record elements' local name, or names (a Disqus export has categories, threads and posts). */
  recordLocal: string | readonly string[];
};

type StreamHandlers = {
  /** Called once the root opens; returns where records sit, or throws an ImportError. */
  onRoot: (root: XmlRoot, position: FilePosition) => RecordShape;
  /** Each complete record, in file order; awaited before more of the file is parsed. */
  onRecord: (node: XmlNode) => Promise<void> | void;
  /** Simple elements between the root and the records (a feed's `id`, a channel's `link`). */
  onHeader?: (node: XmlNode) => void;
};

/**
 * Streams an XML file and hands over one record (an Atom entry, an RSS item) at a time as
 * a small tree, so a 200 MB export never sits in memory whole. Parsing waits while a
 * record is being stored: the file is read as fast as the database takes it.
 *
 * A DOCTYPE is refused outright: no export format needs one, and it is where external
 * entities (XXE) and entity expansion bombs live. saxes never fetches or expands entities
 * itself; refusing the declaration makes that a clear error instead of an odd one.
 */
export async function streamXml(file: string, handlers: StreamHandlers): Promise<void> {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlNode[] = [];
  const ready: XmlNode[] = [];
  let shape: RecordShape | null = null;
  let failure: ImportError | null = null;
  const here = (): FilePosition => ({ line: parser.line, column: parser.column });

  parser.on("error", (error) => {
    // saxes prefixes its messages with "file:line:column: "; the position is ours to give.
    failure ??= new ImportError(
      `Not well-formed XML: ${error.message.replace(/^(?:[^:]*:)?\d+:\d+: /, "")}`,
      here(),
    );
  });
  parser.on("doctype", () => {
    failure ??= new ImportError(
      "The file declares a DOCTYPE; exports never need one, and entity declarations are refused (external entities, entity expansion).",
      here(),
    );
  });
  parser.on("opentag", (tag: SaxesTagNS) => {
    const node: XmlNode = {
      uri: tag.uri,
      local: tag.local,
      attrs: Object.fromEntries(
        Object.values(tag.attributes).map((attr) => [attr.local, detach(attr.value)]),
      ),
      children: [],
      text: "",
      position: here(),
    };
    if (stack.length === 0) {
      const namespaces = Object.values(tag.ns ?? {});
      try {
        shape = handlers.onRoot({ uri: tag.uri, local: tag.local, namespaces }, node.position);
      } catch (error) {
        failure ??= error instanceof ImportError ? error : new ImportError(String(error), node.position);
      }
    }
    const parent = stack.at(-1);
    // Inside a record every element is kept; above it only the record's ancestors are.
    if (parent && inRecord(stack.length, shape)) parent.children.push(node);
    stack.push(node);
  });
  const addText = (text: string) => {
    const top = stack.at(-1);
    if (!top) return;
    // Above the records only short header values matter; the whitespace between a
    // million records must not pile up on their ancestors.
    if (inRecord(stack.length - 1, shape) || top.text.length < HEADER_TEXT_MAX) top.text += text;
  };
  parser.on("text", addText);
  parser.on("cdata", addText);
  parser.on("closetag", () => {
    const node = stack.pop();
    if (!node || !shape) return;
    node.text = detach(node.text);
    const depth = stack.length;
    if (depth === shape.recordDepth && isRecordName(shape, node.local)) ready.push(node);
    else if (depth > 0 && depth <= shape.recordDepth && handlers.onHeader) handlers.onHeader(node);
  });

  let sawRoot = false;
  for await (const chunk of createReadStream(file, { encoding: "utf8", highWaterMark: 256 * 1024 })) {
    parser.write(chunk as string);
    sawRoot ||= stack.length > 0 || shape !== null;
    if (failure) throw failure;
    while (ready.length > 0) await handlers.onRecord(ready.shift()!);
  }
  parser.close();
  if (failure) throw failure;
  while (ready.length > 0) await handlers.onRecord(ready.shift()!);
  if (!sawRoot) throw new ImportError("The file is empty or holds no XML element.", { line: 1, column: 0 });
}

const HEADER_TEXT_MAX = 4096;

/**
 * A copy of a string that shares no memory with the chunk it was read from. saxes hands
 * over text as slices of the 256 KB chunk being parsed, and V8 keeps the whole chunk alive
 * for as long as any slice of it lives: the ids the importer keeps between passes (a few
 * bytes each) held the entire file in memory (106 MB of a 53 MB file, as UTF-16). Strings
 * under 13 characters are never slices in V8.
 */
function detach(text: string): string {
  return text.length < 13 ? text : Buffer.from(text, "utf8").toString("utf8");
}

function isRecordName(shape: RecordShape, local: string): boolean {
  return typeof shape.recordLocal === "string"
    ? local === shape.recordLocal
    : shape.recordLocal.includes(local);
}

/** The root element alone, read from the file's start (to tell its format before a full pass). */
export async function readRoot(file: string): Promise<{ root: XmlRoot; position: FilePosition } | null> {
  let found: { root: XmlRoot; position: FilePosition } | null = null;
  const stop = new Error("root found");
  try {
    await streamXml(file, {
      onRoot(root, position) {
        found = { root, position };
        throw stop;
      },
      onRecord() {},
    });
  } catch (error) {
    if (found) return found;
    throw error;
  }
  return found;
}

/** Whether an element at `depth` (root = 0) lies inside a record. */
function inRecord(depth: number, shape: RecordShape | null): boolean {
  return shape !== null && depth > shape.recordDepth;
}

/** The first child with this local name (and namespace, when given). */
export function child(node: XmlNode, local: string, uri?: string): XmlNode | undefined {
  return node.children.find((each) => each.local === local && (uri === undefined || each.uri === uri));
}

/** Every child with this local name (and namespace, when given). */
export function children(node: XmlNode, local: string, uri?: string): XmlNode[] {
  return node.children.filter((each) => each.local === local && (uri === undefined || each.uri === uri));
}

/** A child's trimmed text, or "" when it is absent. */
export function childText(node: XmlNode, local: string, uri?: string): string {
  return child(node, local, uri)?.text.trim() ?? "";
}
