/** @jsxImportSource react */
// React 19 with hv-elements/frameworks/react.d.ts: valid use compiles, each @ts-expect-error line must fail.
import type {} from 'hv-elements/frameworks/react.d.ts';
import type { HvConnectButton } from 'hv-elements';
import type { JSX } from 'react';

const button: { current: HvConnectButton | null } = { current: null };

export const page = (
  <hv-config app-id="00000000-0000-0000-0000-000000000000" shell="us" proxy-url="/hv" lang="en-US">
    <hv-connect-button
      ref={button}
      key="connect"
      className="cta"
      class="cta"
      mode="popup"
      trm="Post"
      multi-record
      onhv-connect={(event) => event.detail.url}
      onhv-authorized={(event) => event.detail.person}
      onhv-error={(event) => event.detail.error.code}
    >
      Connect
    </hv-connect-button>
    <hv-auth-status record-id="r1" compact onhv-status-change={(event) => event.detail.status} />
    <hv-connect-request-list poll-seconds={30} since={new Date()} />
    <hv-pickup-code-entry kind="pickup" name="code" required onhv-code-submit={(event) => event.detail.code} />
  </hv-config>
);

export const props: JSX.IntrinsicElements['hv-connect-button'] = { 'app-id': 'a', shell: 'us', mode: 'redirect' };

// @ts-expect-error -- 'sideways' is not a mode
export const unknownMode = <hv-connect-button mode="sideways" />;
// @ts-expect-error -- app-id is a string
export const numericAppId = <hv-config app-id={42} />;
// @ts-expect-error -- an hv-authorized event's detail has no url
export const wrongDetail = <hv-connect-button onhv-authorized={(event) => event.detail.url} />;
// @ts-expect-error -- the ref is an HvConnectButton's
export const wrongRef = <hv-config ref={button} />;
// @ts-expect-error -- kind is connect or pickup
export const wrongProps: JSX.IntrinsicElements['hv-pickup-code-entry'] = { kind: 'other' };
