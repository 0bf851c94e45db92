/** @jsxImportSource solid-js */
// Solid with hv-elements/frameworks/solid.d.ts: valid use compiles, each @ts-expect-error line must fail.
import type {} from 'hv-elements/frameworks/solid.d.ts';
import type { HvConnectButton, HvProxy } from 'hv-elements';
import type { JSX } from 'solid-js';

declare const proxy: HvProxy;
let button: HvConnectButton | undefined;

export const page = (
  <hv-config app-id="00000000-0000-0000-0000-000000000000" shell="us" proxy={proxy}>
    <hv-connect-button
      ref={button}
      class="cta"
      manual-return
      on:hv-authorized={(event) => event.detail.person}
      on:hv-shell-return={(event) => event.detail.target}
    >
      Connect
    </hv-connect-button>
    <hv-connect-request-form on:hv-connect-request-created={(event) => event.detail.identityCode} />
  </hv-config>
);

export const props: JSX.IntrinsicElements['hv-connect-button'] = { 'app-id': 'a', shell: 'us' };

// @ts-expect-error -- 'Put' is not a trm
export const unknownTrm = <hv-connect-button trm="Put" />;
// @ts-expect-error -- proxy is an HvProxy, not a URL (that is proxy-url)
export const stringProxy = <hv-config proxy="/hv" />;
// @ts-expect-error -- an hv-shell-return event's detail has no person
export const wrongDetail = <hv-connect-button on:hv-shell-return={(event) => event.detail.person} />;
