import type { MethodName } from './methods.js';
import type { XmlNode } from './xml-node.js';

/**
 * One platform method as callers name it: its wire name and version, how its `<info>` is built from a request,
 * and how its answer is decoded. Callers hand a descriptor to the transport, never a method-name string paired
 * by hand with a builder and a decoder. Each method's module exports its own, so bundles keep only those they use.
 */
export interface MethodDescriptor<Request, Result> {
  readonly name: MethodName;
  readonly version: number;
  /** Whether the method only reads: its answers may be shared and cached; any other call invalidates them. */
  readonly readOnly: boolean;
  buildInfo(request: Request): string;
  /** May load its decoder first (a method every page calls, whose answer many pages never get). */
  decode(info: XmlNode | undefined): Result | Promise<Result>;
}
