// The demo's event log: one entry per event an element fires (and per change the demo makes), each with the time it
// happened and its detail, expandable. Entries are kept in sessionStorage, so the story of one connection reads top
// to bottom across the trip to the Shell and back, and a reload shows the same times. Identity codes never enter it.

export interface LogEntry {
  /** When it happened (ms since the epoch), shown as it was stored: a reload does not change it. */
  time: number;
  /** The event's name, or `demo` for what the demo itself did. */
  type: string;
  /** One line saying what happened. */
  summary: string;
  /** The event's detail as plain data (absent for the demo's own entries). */
  detail?: unknown;
}

/** The most entries kept: enough for a few round trips, short enough to read. */
const MAX_ENTRIES = 100;

/** The detail's fields that hold a patient's identity code (or a link carrying it), which no log may show. */
const SECRET_FIELDS: Readonly<Record<string, readonly string[]>> = {
  'hv-code-submit': ['code', 'url'],
  'hv-connect-request-created': ['identityCode', 'url'],
};

/** What one event says in the log's line. */
export function summarize(event: CustomEvent): string {
  const detail = (event.detail ?? {}) as Record<string, unknown> & { error?: { code: string; message: string } };
  switch (event.type) {
    case 'hv-connect':
      return `leaving for the Shell (${String(detail.mode)})`;
    case 'hv-authorized': {
      const person = detail.person as { name: string; records: { name: string }[] };
      return `${String(detail.target)}: ${person.name}, records: ${person.records.map((r) => r.name).join(', ')}; action=${String(detail.action)}`;
    }
    case 'hv-denied':
      return `${String(detail.reason)}; action=${String(detail.action)}`;
    case 'hv-shell-return':
      return `the Shell sent the person back to ${String(detail.target)}`;
    case 'hv-rule-granted':
    case 'hv-rule-declined':
      return (detail.rules as string[]).join(', ');
    case 'hv-rule-dismissed':
      return `${(detail.rules as string[]).join(', ')} until ${(detail.until as Date).toLocaleDateString('en')}`;
    case 'hv-code-submit':
      return `a code sent to the Shell's ${String(detail.kind).toUpperCase()}`;
    case 'hv-status-change': {
      const records = detail.records as { name?: string; status: string }[];
      const stale = detail.stale ? ' (last known)' : '';
      return `${String(detail.status)}${stale}${records.map((r) => `; ${r.name ?? 'record'}: ${r.status}`).join('')}`;
    }
    case 'hv-connect-request-created':
      return `request for ${String(detail.externalId)}, until ${(detail.expires as Date).toLocaleDateString('en')}`;
    case 'hv-connect-request-authorized':
      return `${String(detail.externalId)} → person ${String(detail.personId)}, record ${String(detail.recordId)}`;
    case 'hv-error':
      return `${detail.error?.code}: ${detail.error?.message}`;
    default:
      return `from <${(event.target as Element).localName}>`;
  }
}

/** `value` as data JSON can hold: an error with its code and message, a date as ISO text, elements by their tag. */
export function toPlainData(value: unknown, depth = 0): unknown {
  if (depth > 6) return '…';
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Error) {
    return { name: value.name, message: value.message, ...(toPlainData({ ...value }, depth + 1) as object) };
  }
  if (value instanceof Element) return `<${value.localName}>`;
  if (Array.isArray(value)) return value.map((item) => toPlainData(item, depth + 1));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toPlainData(item, depth + 1)]));
  }
  return value;
}

/** The event's detail as plain data, without the fields that hold an identity code. */
function detailOf(event: CustomEvent): unknown {
  const detail = toPlainData(event.detail);
  const secret = SECRET_FIELDS[event.type];
  if (!secret || typeof detail !== 'object' || detail === null) return detail;
  return Object.fromEntries(Object.entries(detail).filter(([key]) => !secret.includes(key)));
}

const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });

function renderEntry(entry: LogEntry): HTMLLIElement {
  const item = document.createElement('li');
  item.dataset.type = entry.type;
  const time = document.createElement('time');
  time.dateTime = new Date(entry.time).toISOString();
  time.textContent = timeFormat.format(entry.time);
  const line = [time, ` ${entry.type} — ${entry.summary}`];
  if (entry.detail === undefined) {
    item.append(...line);
    return item;
  }
  const details = document.createElement('details');
  const summary = document.createElement('summary');
  summary.append(...line);
  const data = document.createElement('pre');
  data.textContent = JSON.stringify(entry.detail, null, 2);
  details.append(summary, data);
  item.append(details);
  return item;
}

export class EventLog {
  readonly #list: HTMLOListElement;
  readonly #storageKey: string;

  /** Shows the entries kept under `storageKey` in `list`, and keeps new ones there. */
  constructor(list: HTMLOListElement, storageKey: string) {
    this.#list = list;
    this.#storageKey = storageKey;
    list.replaceChildren(...this.#stored().map(renderEntry));
  }

  /** Logs every event of `types` that reaches `target` (the elements' events bubble and are composed). */
  listen(target: EventTarget, types: Iterable<string>): void {
    for (const type of types) {
      target.addEventListener(type, (event) => {
        const custom = event as CustomEvent;
        this.add({ time: Date.now(), type, summary: summarize(custom), detail: detailOf(custom) });
      });
    }
  }

  /** Logs what the demo itself did. */
  note(summary: string): void {
    this.add({ time: Date.now(), type: 'demo', summary });
  }

  add(entry: LogEntry): void {
    this.#list.append(renderEntry(entry));
    sessionStorage.setItem(this.#storageKey, JSON.stringify([...this.#stored(), entry].slice(-MAX_ENTRIES)));
  }

  clear(): void {
    this.#list.replaceChildren();
    sessionStorage.removeItem(this.#storageKey);
  }

  #stored(): LogEntry[] {
    try {
      return JSON.parse(sessionStorage.getItem(this.#storageKey) ?? '[]') as LogEntry[];
    } catch {
      return [];
    }
  }
}
