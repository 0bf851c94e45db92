/** @jsxImportSource preact */
// Preact with hv-elements/frameworks/preact.d.ts: valid use compiles, each @ts-expect-error line must fail.
import type {} from 'hv-elements/frameworks/preact.d.ts';
import type { HvConnectButton } from 'hv-elements';
import type { JSX } from 'preact';

const button: { current: HvConnectButton | null } = { current: null };

export const page = (
  <hv-config app-id="00000000-0000-0000-0000-000000000000" shell="us" proxy-url="/hv">
    <hv-connect-button
      ref={button}
      class="cta"
      mode="popup"
      onhv-authorized={(event) => event.detail.person}
      onhv-denied={(event) => event.detail.reason}
    >
      Connect
    </hv-connect-button>
    <hv-optional-rule-prompt rule="Weight" dismiss-days={7} onhv-rule-dismissed={(event) => event.detail.until} />
    <hv-pickup-code-entry kind="connect" value="abc" disabled />
  </hv-config>
);

export const props: JSX.IntrinsicElements['hv-connect-button'] = { 'app-id': 'a', shell: 'us' };

// @ts-expect-error -- 'sideways' is not a mode
export const unknownMode = <hv-connect-button mode="sideways" />;
// @ts-expect-error -- dismiss-days is a number
export const wordDays = <hv-optional-rule-prompt dismiss-days="seven" />;
// @ts-expect-error -- an hv-denied event's detail has no person
export const wrongDetail = <hv-connect-button onhv-denied={(event) => event.detail.person} />;
