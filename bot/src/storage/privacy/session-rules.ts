import { randomUUID } from 'node:crypto';
import { odata } from '@azure/data-tables';
import { FORMER_COLLEAGUE_ID } from '../../domain/shared/person';
import { feedbackKey, RSVP_TALLY_ROW_KEY, rsvpsOfUserPartition } from '../shared/keys';
import { NOTHING, removeAll, rewrite, sum, tenantPartitions, textNames, withoutInJsonList } from './privacy-rule';
import type { PrivacyRule } from './privacy-rule';

export const sessionsRule: PrivacyRule = {
  purpose: 'Learning sessions: title, description, time, place or link, host, teachers, discussion leader, RSVP counts.',
  retention: 'As long as the team uses PeerLearn; a session stays in the team history after it took place.',
  async find(table, who) {
    const { from, to } = tenantPartitions(who.person.tenantId);
    // Teachers are a JSON list, which a Table query cannot look into: the tenant's sessions are read and checked here.
    const rows = await table.listPartitions(from, to);
    const { userId } = who.person;
    return rows.filter(
      (row) =>
        row['hostId'] === userId ||
        row['discussionLeaderId'] === userId ||
        (typeof row['teacherIds'] === 'string' && withoutInJsonList(row['teacherIds'], userId) !== undefined),
    );
  },
  async erase(table, rows, context) {
    const { userId } = context.person;
    let anonymised = 0;
    for (const row of rows) {
      const changed = await rewrite(table, row, (current) => {
        const next = { ...current };
        let changed = false;
        // The session stays the team's; "a former colleague" hosted it.
        if (next['hostId'] === userId) {
          next['hostId'] = FORMER_COLLEAGUE_ID;
          changed = true;
        }
        if (next['discussionLeaderId'] === userId) {
          delete next['discussionLeaderId'];
          changed = true;
        }
        const teachers = typeof next['teacherIds'] === 'string' ? withoutInJsonList(next['teacherIds'], userId) : undefined;
        if (teachers !== undefined) {
          next['teacherIds'] = teachers;
          changed = true;
        }
        return changed ? next : undefined;
      });
      if (changed) anonymised += 1;
    }
    return { removed: 0, anonymised };
  },
};

export const rsvpsRule: PrivacyRule = {
  purpose:
    "RSVPs: who said yes, maybe or no to a session (and who waits for a seat), kept under the session and under the person; plus each session's tally, which names the last 59 people who answered (they get the invite card's automatic refresh).",
  retention:
    "As long as the session is kept. An erase first withdraws the person's answers to sessions that have not started (their seat goes to the first in line), then deletes their answers; the tally keeps its anonymous counts and drops them from its list of recent responders.",
  async find(table, who) {
    // Both copies start with the tenant: `tenant|session` and `tenant|user`.
    const { from, to } = tenantPartitions(who.person.tenantId);
    const { userId } = who.person;
    // A tally names the people who answered last in a JSON list, which a Table query cannot look into.
    const [answers, tallies] = await Promise.all([
      table.listPartitions(from, to, odata`userId eq ${userId}`),
      table.listPartitions(from, to, odata`RowKey eq ${RSVP_TALLY_ROW_KEY}`),
    ]);
    return [...answers, ...tallies.filter((t) => typeof t['recent'] === 'string' && withoutInJsonList(t['recent'], userId) !== undefined)];
  },
  async erase(table, rows, context) {
    const { userId } = context.person;
    const tallies = rows.filter((r) => r.rowKey === RSVP_TALLY_ROW_KEY);
    const answers = rows.filter((r) => r.rowKey !== RSVP_TALLY_ROW_KEY);
    // The session's copy first: the person's own partition is what finds the rest after a crash.
    const own = rsvpsOfUserPartition(context.person.tenantId, userId);
    const removed = await removeAll(table, [
      ...answers.filter((r) => r.partitionKey !== own),
      ...answers.filter((r) => r.partitionKey === own),
    ]);
    // The tally keeps its anonymous counts; the person leaves its list of recent responders.
    let anonymised = 0;
    for (const tally of tallies) {
      const changed = await rewrite(table, tally, (current) => {
        const recent = typeof current['recent'] === 'string' ? withoutInJsonList(current['recent'], userId) : undefined;
        return recent === undefined ? undefined : { ...current, recent };
      });
      if (changed) anonymised += 1;
    }
    return sum([removed, { removed: 0, anonymised }]);
  },
};

export const feedbackRule: PrivacyRule = {
  purpose:
    'Session feedback: a rating, whether attendees learned something new and what they will apply, and two weeks later whether they applied it (with an optional note); the host sees the summary.',
  retention:
    'As long as the session is kept. After an erase the rating and "learned something" stay anonymous for the averages; the texts and the applied answer go.',
  find(table, who) {
    const { from, to } = tenantPartitions(who.person.tenantId);
    return table.listPartitions(from, to, odata`userId eq ${who.person.userId}`);
  },
  async erase(table, rows) {
    for (const row of rows) {
      const tenantId = String(row['tenantId']);
      const sessionId = String(row['sessionId']);
      // A random id no rule or person can match; one transaction, so a crash leaves the old row or the new one, never both.
      const anonymousId = `~erased-${randomUUID()}`;
      const key = feedbackKey(tenantId, sessionId, anonymousId);
      await table.transaction([
        [
          'create',
          {
            ...key,
            tenantId,
            teamId: String(row['teamId']),
            sessionId,
            userId: anonymousId,
            rating: Number(row['rating']),
            learnedSomethingNew: row['learnedSomethingNew'] === true,
            willApply: '',
            submittedAt: String(row['submittedAt']),
          },
        ],
        ['delete', { partitionKey: row.partitionKey ?? '', rowKey: row.rowKey ?? '' }],
      ]);
    }
    return { removed: 0, anonymised: rows.length };
  },
};

export const questionsRule: PrivacyRule = {
  purpose: "Questions sent to a session's host before it starts, with who asked (unless asked anonymously).",
  retention:
    'As long as the session is kept. After an erase a question stays without its asker; a question that names the person loses its text.',
  async find(table, who) {
    const { from, to } = tenantPartitions(who.person.tenantId);
    const rows = await table.listPartitions(from, to);
    return rows.filter((row) => row['askerId'] === who.person.userId || (typeof row['text'] === 'string' && textNames(row['text'], who)));
  },
  async erase(table, rows, context) {
    const counts = [];
    for (const row of rows) {
      const changed = await rewrite(table, row, (current) => {
        const next = { ...current };
        delete next['askerId'];
        if (typeof next['text'] === 'string' && textNames(next['text'], context)) next['text'] = '';
        return next;
      });
      counts.push(changed ? { removed: 0, anonymised: 1 } : NOTHING);
    }
    return sum(counts);
  },
};
