import { describe, expect, it } from '@jest/globals';
import { stripId, textNames } from '../../bot/src/storage/privacy/privacy-rule';

const who = (displayName: string) => ({
  person: { tenantId: 't', userId: '00000000-0000-0000-0000-0000000000a1' },
  displayName,
  email: 'ann.a@contoso.example',
  conversationId: 'a:1chat',
});

describe('what names an erased person in free text and in rows', () => {
  it('a text names them by id, by whole-word name in any case, by email or by their 1:1 conversation', () => {
    expect(textNames('Thanks, ann!', who('Ann'))).toBe(true);
    expect(textNames('Our annual review', who('Ann'))).toBe(false);
    expect(textNames('Great session, ANN ATTENDEE.', who('Ann Attendee'))).toBe(true);
    expect(textNames('Bo was there', who('Bo'))).toBe(false);
    expect(textNames('mail Ann.A@Contoso.example', who(''))).toBe(true);
    expect(textNames('{"userId":"00000000-0000-0000-0000-0000000000a1"}', who(''))).toBe(true);
    expect(textNames('{"conversation":"a:1chat"}', who(''))).toBe(true);
    expect(textNames('Café (Ann) 1+1', who('(Ann) 1+1'))).toBe(true);
  });

  it('stripId takes the id out of a field and out of JSON lists, plain or of objects, and keeps the rest', () => {
    const id = '00000000-0000-0000-0000-0000000000a1';
    const row = {
      partitionKey: 'p',
      rowKey: 'r',
      installerId: id,
      owners: JSON.stringify([id, 'b']),
      admins: JSON.stringify([
        { userId: id, name: 'Ann' },
        { userId: 'b', name: 'Bo' },
      ]),
      name: 'Team',
    };
    expect(stripId(row, id)).toEqual({
      partitionKey: 'p',
      rowKey: 'r',
      owners: '["b"]',
      admins: '[{"userId":"b","name":"Bo"}]',
      name: 'Team',
    });
  });
});
