import { z } from 'zod';
import type { Tip } from '../../domain/tips/tip';
import { id, isoTime, jsonText, parseRow, toEntity } from '../shared/entity-schema';
import { tipKey, TABLES } from '../shared/keys';
import type { NewEntity, StoredEntity } from '../shared/storage-table';

const tipRow = z.object({
  tenantId: id,
  teamId: id,
  tipId: id,
  authorUserId: id,
  title: z.string().min(1),
  body: z.string(),
  link: z.string().min(1).optional(),
  skills: jsonText(z.array(z.string().min(1))),
  createdAt: isoTime,
});

const keyOf = (t: Pick<Tip, 'tenantId' | 'teamId' | 'tipId' | 'createdAt'>) =>
  tipKey(t.tenantId, t.teamId, Date.parse(t.createdAt), t.tipId);

export function tipToEntity(tip: Tip): NewEntity {
  return toEntity(keyOf(tip), {
    tenantId: tip.tenantId,
    teamId: tip.teamId,
    tipId: tip.tipId,
    authorUserId: tip.authorUserId,
    title: tip.title,
    body: tip.body,
    link: tip.link,
    skills: JSON.stringify(tip.skills),
    createdAt: tip.createdAt,
  });
}

export function tipFromEntity(entity: StoredEntity): Tip {
  const { link, ...rest } = parseRow(TABLES.tips, entity, tipRow, keyOf);
  return link ? { ...rest, link } : rest;
}

export { keyOf as tipKeyOf };
