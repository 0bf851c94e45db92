// A stand-in for @types/react 19, which this repo does not install: the same shapes where the generated react.d.ts
// meets them (`export =` of a namespace holding JSX, HTMLAttributes and RefAttributes; react/jsx-runtime's JSX
// extending React.JSX), nothing more.
declare module 'react' {
  export = React;
  namespace React {
    type Key = string | number | bigint;
    interface RefObject<T> {
      current: T;
    }
    type Ref<T> = ((instance: T | null) => void) | RefObject<T | null> | null;
    interface Attributes {
      key?: Key | null | undefined;
    }
    interface RefAttributes<T> extends Attributes {
      ref?: Ref<T> | undefined;
    }
    type ReactNode = string | number | boolean | null | undefined | JSX.Element | Iterable<ReactNode>;
    interface DOMAttributes<T> {
      children?: ReactNode | undefined;
      onClick?: ((event: MouseEvent & { currentTarget: T }) => void) | undefined;
    }
    interface HTMLAttributes<T> extends DOMAttributes<T> {
      className?: string | undefined;
      id?: string | undefined;
      lang?: string | undefined;
      slot?: string | undefined;
      style?: Record<string, string | number> | undefined;
      hidden?: boolean | undefined;
    }
    namespace JSX {
      interface Element {
        readonly element: unknown;
      }
      interface IntrinsicAttributes extends Attributes {}
      interface IntrinsicElements {
        div: HTMLAttributes<HTMLDivElement> & RefAttributes<HTMLDivElement>;
      }
    }
  }
}

declare module 'react/jsx-runtime' {
  import type React from 'react';
  export namespace JSX {
    type Element = React.JSX.Element;
    interface IntrinsicAttributes extends React.JSX.IntrinsicAttributes {}
    interface IntrinsicElements extends React.JSX.IntrinsicElements {}
  }
  export function jsx(type: unknown, props: unknown, key?: unknown): React.JSX.Element;
  export function jsxs(type: unknown, props: unknown, key?: unknown): React.JSX.Element;
  export const Fragment: unique symbol;
}
