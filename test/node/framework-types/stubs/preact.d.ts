// A stand-in for preact's own types, not installed here: JSXInternal in a module of its own, re-exported by
// 'preact' as `export import JSX = JSXInternal` and by preact/jsx-runtime as JSX, as Preact 10 does.
declare module 'preact/src/jsx' {
  export namespace JSXInternal {
    type Ref<T> = { current: T | null } | ((instance: T | null) => void);
    interface Element {
      readonly vnode: unknown;
    }
    interface IntrinsicAttributes {
      key?: unknown;
    }
    interface HTMLAttributes<RefType extends EventTarget = EventTarget> {
      ref?: Ref<RefType>;
      key?: unknown;
      children?: unknown;
      class?: string;
      className?: string;
      id?: string;
      lang?: string;
      name?: string;
      value?: string | string[] | number;
      disabled?: boolean;
      onClick?: (event: MouseEvent & { currentTarget: RefType }) => void;
    }
    interface IntrinsicElements {
      div: HTMLAttributes<HTMLDivElement>;
    }
  }
}

declare module 'preact' {
  import { JSXInternal } from 'preact/src/jsx';
  export import JSX = JSXInternal;
  export function h(type: unknown, props: unknown, ...children: unknown[]): JSX.Element;
}

declare module 'preact/jsx-runtime' {
  import type { JSXInternal } from 'preact/src/jsx';
  export { JSXInternal as JSX };
  export function jsx(type: unknown, props: unknown, key?: unknown): JSXInternal.Element;
  export function jsxs(type: unknown, props: unknown, key?: unknown): JSXInternal.Element;
  export const Fragment: unique symbol;
}
