// A stand-in for solid-js's own types, not installed here: JSX in a module of its own (solid-js/types/jsx.d.ts),
// re-exported by 'solid-js' and solid-js/jsx-runtime, as Solid does.
declare module 'solid-js/types/jsx' {
  export namespace JSX {
    type Element = Node | ArrayElement | string | number | boolean | null | undefined;
    interface ArrayElement extends Array<Element> {}
    interface CustomAttributes<T> {
      ref?: T | ((el: T) => void);
      classList?: { [k: string]: boolean | undefined };
    }
    interface DOMAttributes<T> extends CustomAttributes<T> {
      children?: Element;
      onClick?: (event: MouseEvent & { currentTarget: T }) => void;
    }
    interface HTMLAttributes<T> extends DOMAttributes<T> {
      class?: string;
      id?: string;
      lang?: string;
    }
    interface IntrinsicElements {
      div: HTMLAttributes<HTMLDivElement>;
    }
  }
}

declare module 'solid-js' {
  export type { JSX } from 'solid-js/types/jsx';
}

declare module 'solid-js/jsx-runtime' {
  export type { JSX } from 'solid-js/types/jsx';
  export function jsx(type: unknown, props: unknown): unknown;
  export const Fragment: unique symbol;
}
