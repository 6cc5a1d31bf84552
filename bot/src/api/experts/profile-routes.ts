import { Router } from 'express';
import { wantsRequestAlerts } from '../../domain/experts/member';
import type { MemberProfile } from '../../domain/experts/member';
import { skillKeyOf } from '../../domain/experts/expert-index';
import type { Endorsement } from '../../domain/experts/expert-ports';
import { applyProfileEdit, validateProfileEdit } from '../../domain/experts/profile-editing';
import type { Renamed } from '../../domain/experts/profile-editing';
import type { ApiDependencies } from '../api-dependencies';
import { authed } from '../shared/authed';
import { checkedBody } from '../shared/body-schema';
import { endorsementBody, profileBody } from './profile-bodies';
import type { Caller } from '../shared/token-validator';
import type { EndorseResponse, ProfileResponse } from '../contract';
import { badRequest, notFound } from '../shared/http-error';
import { refuseUnknownSkills } from '../shared/unknown-skill-answer';

const USER_ID = /^[A-Za-z0-9._:@-]{1,200}$/;

function toProfileResponse(
  profile: MemberProfile,
  endorsements: readonly Endorsement[],
  callerId: string,
  sessionsTaught: number,
  normalised?: readonly Renamed[],
): ProfileResponse {
  const bySkill = new Map<string, { count: number; byMe: boolean }>();
  for (const e of endorsements) {
    const key = skillKeyOf(e.skill);
    const entry = bySkill.get(key) ?? { count: 0, byMe: false };
    bySkill.set(key, { count: entry.count + 1, byMe: entry.byMe || e.endorserId === callerId });
  }
  return {
    tenantId: profile.tenantId,
    userId: profile.userId,
    displayName: profile.displayName,
    bio: profile.bio,
    teaches: profile.teaches,
    wants: profile.wants,
    languages: profile.languages,
    availability: profile.availability,
    celebrateMilestones: profile.celebrateMilestones !== false,
    // Only skills the person still teaches; an endorsement of a dropped skill stays stored but unshown.
    endorsements: profile.teaches.flatMap((s) => {
      const entry = bySkill.get(skillKeyOf(s.name));
      return entry ? [{ skill: s.name, count: entry.count, byMe: entry.byMe }] : [];
    }),
    sessionsTaught,
    requestAlerts: wantsRequestAlerts(profile),
    ...(normalised ? { normalised } : {}),
  };
}

const sighting = (caller: Caller) => ({
  tenantId: caller.tenantId,
  userId: caller.userId,
  displayName: caller.name ?? '',
  ...(caller.locale ? { locale: caller.locale } : {}),
});

/** `GET/PUT /me/profile` and `POST /people/:userId/endorsements`. */
export function profileRoutes(deps: ApiDependencies): Router {
  const router = Router();
  const { profiles } = deps.services;
  router.get(
    '/me/profile',
    authed(deps.validate, async (_req, res, caller) => {
      const profile = await profiles.sighted(sighting(caller));
      const [endorsements, taught] = await Promise.all([
        deps.experts.endorsementsOf(caller.tenantId, caller.userId),
        deps.experts.sessionsTaught(caller.tenantId, caller.userId),
      ]);
      res.json(toProfileResponse(profile, endorsements, caller.userId, taught));
    }),
  );
  router.put(
    '/me/profile',
    authed(deps.validate, async (req, res, caller) => {
      const taxonomy = await deps.experts.taxonomy(caller.tenantId);
      const notSaved = (problems: readonly string[]) => `The profile was not saved: ${problems.join('; ')}.`;
      // The domain's check words every problem (it is pure, and safe on any body): the edge's answer uses its sentence.
      const domainMessage = () => {
        const checked = validateProfileEdit(req.body as unknown, taxonomy);
        return checked.ok ? undefined : notSaved(checked.problems);
      };
      const input = checkedBody(res, req.body, profileBody, 'invalid_profile', domainMessage);
      if (!input) return;
      const result = validateProfileEdit(input, taxonomy);
      if (!result.ok) throw badRequest('invalid_profile', notSaved(result.problems));
      const current = await profiles.sighted(sighting(caller));
      // Every stored skill passes the taxonomy: a typo is asked about, a new skill must be confirmed in `newSkills`.
      const stored = [...current.teaches.map((s) => s.name), ...current.wants];
      const typed = { teaches: input.teaches.map((s) => s.name), wants: input.wants };
      if (refuseUnknownSkills(res, typed, taxonomy, { newSkills: input.newSkills ?? [], stored })) return;
      const saved = await profiles.edit(caller.tenantId, caller.userId, (current, now) => applyProfileEdit(current, result.edit, now));
      if (!saved) throw notFound('Your profile could not be found.');
      const [endorsements, taught] = await Promise.all([
        deps.experts.endorsementsOf(caller.tenantId, caller.userId),
        deps.experts.sessionsTaught(caller.tenantId, caller.userId),
      ]);
      res.json(toProfileResponse(saved, endorsements, caller.userId, taught, result.normalised));
    }),
  );
  router.post(
    '/people/:userId/endorsements',
    authed(deps.validate, async (req, res, caller) => {
      const userId = typeof req.params.userId === 'string' ? req.params.userId : '';
      if (!USER_ID.test(userId)) throw badRequest('invalid_user_id', 'The person id is not valid.');
      const input = checkedBody(res, req.body, endorsementBody, 'invalid_endorsement');
      if (!input) return;
      const skillText = input.skill;
      if (userId === caller.userId) throw badRequest('self_endorsement', 'You cannot endorse your own skills.');
      const person = await profiles.get(caller.tenantId, userId);
      if (!person) throw notFound('This person is not known to PeerLearn in your organisation.');
      const taxonomy = await deps.experts.taxonomy(caller.tenantId);
      const key = taxonomy.normalise(skillText)?.key;
      const taught = key === undefined ? undefined : person.teaches.find((s) => skillKeyOf(s.name) === key);
      if (!taught)
        throw badRequest('skill_not_taught', `${person.displayName} does not list “${skillText.slice(0, 60)}” as a skill they teach.`);
      const { created, count } = await deps.experts.endorse({
        tenantId: caller.tenantId,
        userId,
        skill: taught.name,
        endorserId: caller.userId,
        endorsedAt: deps.now().toISOString(),
      });
      const response: EndorseResponse = { userId, skill: taught.name, count, created };
      res.status(created ? 201 : 200).json(response);
    }),
  );
  return router;
}
