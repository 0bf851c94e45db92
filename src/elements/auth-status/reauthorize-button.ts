import type { PropertyDeclarations } from 'lit';
import { APPAUTH_TARGET, type TargetRequest } from '../../core/shell/targets.js';
import { buildUrlFor, type BuildShellUrlOptions } from '../../core/shell/url.js';
import { HvConnectButton } from '../connect-button/connect-button.js';

/**
 * The connect button for a person who is signed in but whose record needs their authorization (again): it leads
 * to the Shell's APPAUTH for `record-id` (targetqs `extrecordid`; `multi-record` sets `ismra`) and completes the
 * return as the connect button does. `<hv-auth-status>` shows it where a record needs it.
 *
 * @tagname hv-reauthorize-button
 */
export class HvReauthorizeButton extends HvConnectButton {
  static override properties: PropertyDeclarations = { recordId: { attribute: 'record-id' } };

  /** The record to authorize (its id for this application). */
  declare recordId?: string;

  /** The person is connected already: this button is for a record, and always shows its link. */
  protected override connectedWords(): undefined {
    return undefined;
  }

  protected override shellUrl(request: TargetRequest<'AUTH'>, options: BuildShellUrlOptions): string {
    // APPAUTH always asks, so it has no forceappauth: `force-app-auth` here is a configuration error.
    const appAuth = { ...request, recordId: this.recordId } as TargetRequest<'APPAUTH'>;
    return buildUrlFor(APPAUTH_TARGET, appAuth, options);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hv-reauthorize-button': HvReauthorizeButton;
  }
}
