// Vue with hv-elements/frameworks/vue.d.ts: the props a template may set on each global component (what vue-tsc
// checks); valid use compiles, each @ts-expect-error line must fail.
import type {} from 'hv-elements/frameworks/vue.d.ts';
import type { GlobalComponents } from 'vue';

type Props<Tag extends keyof GlobalComponents> = InstanceType<GlobalComponents[Tag]>['$props'];

export const button: Props<'hv-connect-button'> = {
  'app-id': '00000000-0000-0000-0000-000000000000',
  shell: 'us',
  mode: 'popup',
  'multi-record': true,
  class: 'cta',
  key: 'connect',
  onHvAuthorized: (event) => event.detail.person,
  onHvError: (event) => event.detail.error.code,
};
export const list: Props<'hv-connect-request-list'> = { 'poll-seconds': '30', since: new Date() };

// @ts-expect-error -- 'sideways' is not a mode
export const unknownMode: Props<'hv-connect-button'> = { mode: 'sideways' };
// @ts-expect-error -- an hv-authorized event's detail has no url
export const wrongDetail: Props<'hv-connect-button'> = { onHvAuthorized: (event) => event.detail.url };
// @ts-expect-error -- no such element
export const unknownTag: Props<'hv-unknown'> = {};
