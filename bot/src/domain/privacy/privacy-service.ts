import { isFormerColleague } from '../shared/person';
import type { PersonRef } from '../shared/person';
import { failWith, ok } from '../shared/result';
import type { PrivacyFailure, Result } from '../shared/result';
import type { Rsvp } from '../sessions/session';
import { createExportLinks } from './export-links';
import type { ContributionChoice, EraseCounts, PersonalDataStore, PersonalTableExport } from './personal-data';

/** Everything stored about one person, as the export file holds it (the API's PersonalDataExportResponse). */
export interface PersonalDataExport {
  readonly format: 'peerlearn-export/1';
  readonly exportedAt: string;
  readonly person: PersonRef;
  readonly tables: readonly PersonalTableExport[];
}

export interface PrivacyService {
  exportFor(person: PersonRef): Promise<PersonalDataExport>;
  /** Takes the person out of every table (see storage/privacy/); a second call finds nothing and changes nothing. */
  erase(person: PersonRef, contributions: ContributionChoice): Promise<EraseCounts>;
  /** A download link for the export that works without signing in, for a short while. */
  exportLink(person: PersonRef): Promise<{ readonly url: string; readonly expiresAt: Date }>;
  /** The export a link names; refused when expired, altered, or asked for by someone else who is signed in. */
  exportByLink(token: string, requester?: PersonRef): Promise<Result<PersonalDataExport, PrivacyFailure>>;
}

/** How long an export link works: long enough to click, short enough that a leaked link is soon useless. */
const EXPORT_LINK_MINUTES = 15;

interface PrivacyServiceDeps {
  readonly store: PersonalDataStore;
  /** Expert search on this instance forgets the person at once; other instances learn it from the change feed. */
  readonly experts: { refresh(tenantId: string, userIds: readonly string[]): Promise<void> };
  /** The server secret that signs links (CALENDAR_LINK_SECRET); the purpose prefix keeps the two kinds apart. */
  readonly secret: string;
  /** The secret before the last rotation: links it signed still verify while it is set. */
  readonly previousSecret?: string | undefined;
  readonly publicUrl: string | (() => string);
  /**
   * The person's answers, and the RSVP service's own way to answer. An erase first says "no" for them to every
   * session that has not started, so their seat goes to the first in line and the invite card counts right;
   * answers to sessions that took place stay in the anonymous counts.
   */
  readonly rsvps: {
    listForUser(tenantId: string, userId: string): Promise<readonly Rsvp[]>;
    respond(actor: PersonRef, teamId: string, sessionId: string, response: 'no'): Promise<{ readonly ok: boolean }>;
  };
  readonly now: () => Date;
  /**
   * What this instance still has queued to write about people (their profile and address, written behind
   * an answer): dropped before an erase, so an erase always wins over a write queued before it.
   */
  readonly pendingWrites?: { forget(person: PersonRef): Promise<void> };
}

const fail = failWith<PrivacyFailure>('privacy');

export function createPrivacyService(deps: PrivacyServiceDeps): PrivacyService {
  const links = createExportLinks(deps);
  const base = () => (typeof deps.publicUrl === 'string' ? deps.publicUrl : deps.publicUrl()).replace(/\/+$/, '');

  async function exportFor(person: PersonRef): Promise<PersonalDataExport> {
    // The former colleague stands for every erased person: nobody may export (or erase) what it holds.
    const tables = isFormerColleague(person.userId) ? [] : await deps.store.collect(person);
    return {
      format: 'peerlearn-export/1',
      exportedAt: deps.now().toISOString(),
      person: { tenantId: person.tenantId, userId: person.userId },
      tables,
    };
  }

  return {
    exportFor,

    async erase(person, contributions) {
      if (isFormerColleague(person.userId)) return { removed: 0, anonymised: 0 };
      await deps.pendingWrites?.forget(person);
      // Withdrawn one by one: a session that started or was cancelled meanwhile refuses, and its answer stays counted.
      for (const rsvp of await deps.rsvps.listForUser(person.tenantId, person.userId)) {
        if (rsvp.response !== 'no') await deps.rsvps.respond(person, rsvp.teamId, rsvp.sessionId, 'no');
      }
      const counts = await deps.store.erase(person, contributions);
      await deps.experts.refresh(person.tenantId, [person.userId]);
      return counts;
    },

    async exportLink(person) {
      const expiresAt = new Date(deps.now().getTime() + EXPORT_LINK_MINUTES * 60_000);
      const token = await links.sign(person, expiresAt);
      return { url: `${base()}/api/v1/me/export/link/${token}`, expiresAt };
    },

    async exportByLink(token, requester) {
      const signed = await links.verify(token);
      if (!signed || signed.expiresAt.getTime() <= deps.now().getTime()) return fail({ kind: 'linkInvalid' });
      const { person } = signed;
      if (requester && (requester.tenantId !== person.tenantId || requester.userId !== person.userId)) return fail({ kind: 'notYours' });
      return ok(await exportFor(person));
    },
  };
}
