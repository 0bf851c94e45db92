// What the badge shows of a signed-in person's records: loaded with the first answer that has any, so that a first
// visit (nobody signed in) does not download it.
import { html, nothing, type TemplateResult } from 'lit';
import { codeLoadFailure, type HvError } from '../../core/errors.js';
import type { RecordInfo } from '../../core/platform/methods/get-authorized-records.js';
import { FIXED_BY_APPAUTH, recordStatus, type RecordStatus } from '../../core/platform/record-status.js';
import type { AuthStatus } from '../../session/events.js';
import type { SessionState } from '../../session/session.js';
import { detailsWords } from '../../strings/en-details.js';
import { recordWords } from '../../strings/en-records.js';
import type { HvProxy } from '../../transport/proxy.js';
import type { HvConfig } from '../internal/config-context.js';
import { define } from '../internal/define.js';
import type { HvStringOverrides, LocalizeController } from '../internal/localize-controller.js';

/** A list's status is its most pressing record's: first what the person can fix, then what they cannot. */
const PRESSING: readonly RecordStatus[] = [
  'reauth-required',
  'authorization-required',
  'reauth-not-possible',
  'location-not-supported',
  'suspended',
  'deleted',
  'read-only',
];

/** The statuses in which the application has some access to show on demand. */
const GRANTS_SOMETHING: ReadonlySet<AuthStatus> = new Set(['connected', 'read-only', 'reauth-required']);

/** Whether the details' element is loaded and defined (once per page). */
let detailsDefined = false;

export interface ShownRecord {
  id: string;
  name?: string;
  status: RecordStatus;
  expires?: Date;
  /** The application may also use the record while the person is away (an offline grant). */
  offline: boolean;
}

/** What the record lines read of the badge. */
export interface RecordBadge {
  readonly recordId?: string;
  readonly compact: boolean;
  readonly multiRecord: boolean;
  readonly config: HvConfig;
  readonly strings?: HvStringOverrides;
  sessionSource(): { appId: string; proxy: HvProxy | string } | undefined;
  requestUpdate(): void;
}

interface ShownRecords {
  status: AuthStatus;
  records: ShownRecord[];
}

const shownByState = new WeakMap<SessionState, Map<string, ShownRecords>>();

/** What `state` shows of the record `wanted` (its id in lower case, as `recordId` spells it), or of all when ''. */
function shownRecords({ records, person }: SessionState, wanted: string, recordId?: string): ShownRecords {
  const offline = new Set(
    person?.effectiveRecordPermissions
      .filter(({ permissions }) => permissions.some((type) => type.offline.length > 0))
      .map(({ recordId: id }) => id.toLowerCase()),
  );
  const shownRecord = (record: RecordInfo): ShownRecord => ({
    id: record.id,
    name: record.name,
    status: recordStatus(record),
    expires: record.authExpired ? undefined : record.authExpires,
    offline: offline.has(record.id.toLowerCase()),
  });
  const record = wanted && records.find(({ id }) => id.toLowerCase() === wanted);
  // An id the person has not authorized this application for needs their authorization.
  const shown: ShownRecord[] = !wanted
    ? records.map(shownRecord)
    : [record ? shownRecord(record) : { id: recordId!, status: 'authorization-required', offline: false }];
  const status = PRESSING.find((pressing) => shown.some((each) => each.status === pressing)) ?? 'connected';
  return { status, records: shown };
}

export class RecordLines {
  /** The records whose details a person has open. */
  readonly #detailsOpen = new Set<string>();

  constructor(
    private readonly badge: RecordBadge,
    private readonly localize: LocalizeController,
    private readonly reportError: (error: HvError) => void,
  ) {}

  /** One of the words for records, in the badge's language. */
  readonly word = <K extends keyof typeof recordWords>(key: K) => this.localize.term(key) ?? recordWords[key];

  /** The details' words in the badge's language, with the host's own: a new object, so open details follow them. */
  #detailsWords(): typeof detailsWords {
    const keys = Object.keys(detailsWords) as (keyof typeof detailsWords)[];
    return Object.fromEntries(
      keys.map((key) => [key, this.localize.term(key) ?? detailsWords[key]]),
    ) as typeof detailsWords;
  }

  /** The records shown (the one of `record-id`, or all), and the status of the whole: the most pressing record's. */
  shown(state: SessionState): ShownRecords {
    // Worked out once per state and record-id for every badge of the page: a list of a thousand shows one answer.
    const wanted = this.badge.recordId?.toLowerCase() ?? '';
    let byRecordId = shownByState.get(state);
    if (!byRecordId) shownByState.set(state, (byRecordId = new Map()));
    let shown = byRecordId.get(wanted);
    if (!shown) byRecordId.set(wanted, (shown = shownRecords(state, wanted, this.badge.recordId)));
    return shown;
  }

  /** Until when access lasts, help, the details and "Review access": what a record's line adds to its status. */
  extras(record: ShownRecord, stale: boolean, recordCount: number): TemplateResult | typeof nothing {
    const { compact, multiRecord, config } = this.badge;
    const { status, expires, offline } = record;
    const date = expires && new Intl.DateTimeFormat(this.localize.language, { dateStyle: 'medium' }).format(expires);
    const until =
      !compact &&
      (offline && status === 'connected' ? this.word('offlineAccess')(date) : date && this.word('accessUntil')(date));
    const help = status === 'reauth-not-possible' || status === 'location-not-supported';
    // What was last known offers nothing that needs the proxy, which cannot be reached.
    const details = !compact && !stale && GRANTS_SOMETHING.has(status);
    const reauthorize = !stale && FIXED_BY_APPAUTH.has(status);
    // A compact badge that is connected has none: nothing to build, on each of a thousand badges.
    if (!until && !help && !details && !reauthorize) return nothing;
    return html` ${until ? html`<span part="detail">${until}</span>` : nothing}
    ${help ? html`<slot name="help"></slot>` : nothing}
    ${
      details
        ? html`<details part="details" @toggle=${(event: Event) => this.#toggleDetails(event, record.id)}>
            <summary>${this.word('details')}</summary>
            ${
              detailsDefined && this.#detailsOpen.has(record.id)
                ? html`<hv-auth-details
                    .source=${this.badge.sessionSource()}
                    .recordId=${record.id}
                    .language=${this.localize.language}
                    .words=${this.#detailsWords()}
                  ></hv-auth-details>`
                : nothing
            }
          </details>`
        : nothing
    }
    ${
      reauthorize
        ? html`<hv-reauthorize-button
            part="action"
            record-id=${record.id}
            ?multi-record=${multiRecord || recordCount > 1}
            .appId=${config.appId}
            .shell=${config.shell}
            .language=${config.lang}
            .proxy=${config.proxy}
            .proxyUrl=${config.proxyUrl}
            .strings=${this.badge.strings}
            >${this.word('reauthorize')}</hv-reauthorize-button
          >`
        : nothing
    }`;
  }

  /**
   * Shows a record's details while a person has them open: only then do they ask the proxy (a closed one on each of
   * a thousand badges asks nothing). Their code loads the first time any is opened.
   */
  #toggleDetails(event: Event, recordId: string): void {
    const { open } = event.currentTarget as HTMLDetailsElement;
    if (open) this.#detailsOpen.add(recordId);
    else this.#detailsOpen.delete(recordId);
    this.badge.requestUpdate();
    if (!open || detailsDefined) return;
    import('./auth-details.js').then(
      ({ HvAuthDetails }) => {
        define('hv-auth-details', HvAuthDetails);
        detailsDefined = true;
        this.badge.requestUpdate();
      },
      (cause: unknown) => this.reportError(codeLoadFailure(cause)),
    );
  }
}
