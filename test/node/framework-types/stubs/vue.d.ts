// A stand-in for vue's own types, not installed here: GlobalComponents and PublicProps from @vue/runtime-core and
// HTMLAttributes from @vue/runtime-dom, all re-exported by 'vue', as Vue 3 does.
declare module '@vue/runtime-core' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- empty in Vue too: for augmentation
  export interface GlobalComponents {}
  export type PublicProps = { key?: PropertyKey; ref?: unknown; class?: unknown; style?: unknown };
}

declare module '@vue/runtime-dom' {
  export * from '@vue/runtime-core';
  export interface HTMLAttributes {
    class?: unknown;
    id?: string;
    lang?: string;
    onClick?: (payload: MouseEvent) => void;
  }
}

declare module 'vue' {
  export * from '@vue/runtime-dom';
}
