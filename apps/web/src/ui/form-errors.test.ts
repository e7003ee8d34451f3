import { describe, expect, it } from 'vitest';
import { fieldToPath, mapErrorDetailsToFields } from './form-errors';

describe('fieldToPath', () => {
  it('splits dotted, slashed and bracketed paths and turns indexes into numbers', () => {
    expect(fieldToPath('name')).toEqual(['name']);
    expect(fieldToPath('persona.ageBands.0')).toEqual(['persona', 'ageBands', 0]);
    expect(fieldToPath('persona/ageBands/0')).toEqual(['persona', 'ageBands', 0]);
    expect(fieldToPath('persona.regions[2]')).toEqual(['persona', 'regions', 2]);
  });

  it('drops a leading body/query/params container', () => {
    expect(fieldToPath('/body/postingPlan/postsPerWeek')).toEqual(['postingPlan', 'postsPerWeek']);
    expect(fieldToPath('body.email')).toEqual(['email']);
    expect(fieldToPath('body')).toEqual(['body']);
  });
});

describe('mapErrorDetailsToFields', () => {
  const accountFields = [
    ['name'],
    ['bio'],
    ['persona', 'ageBands'],
    ['persona', 'regions'],
    ['postingPlan', 'postsPerWeek'],
  ] as const;

  it('puts each message on the field it names', () => {
    const result = mapErrorDetailsToFields(
      [
        { field: 'name', message: 'Too long' },
        { field: 'postingPlan.postsPerWeek', message: 'At most 100' },
      ],
      accountFields,
    );
    expect(result.fields).toEqual([
      { name: ['name'], errors: ['Too long'] },
      { name: ['postingPlan', 'postsPerWeek'], errors: ['At most 100'] },
    ]);
    expect(result.unmatched).toEqual([]);
  });

  it('maps an error inside a list onto the list field and merges messages', () => {
    const result = mapErrorDetailsToFields(
      [
        { field: 'persona.regions.3', message: 'At most 30 characters' },
        { field: 'persona.regions.5', message: 'At most 30 characters' },
        { field: 'persona.regions', message: 'At most 20 regions' },
      ],
      accountFields,
    );
    expect(result.fields).toEqual([
      { name: ['persona', 'regions'], errors: ['At most 30 characters', 'At most 20 regions'] },
    ]);
  });

  it('returns details that match no field as unmatched', () => {
    const result = mapErrorDetailsToFields(
      [
        { field: 'workspaceName', message: 'Required' },
        { field: 'persona', message: 'Invalid' },
      ],
      accountFields,
    );
    expect(result.fields).toEqual([]);
    expect(result.unmatched).toEqual([
      { field: 'workspaceName', message: 'Required' },
      { field: 'persona', message: 'Invalid' },
    ]);
  });

  it('prefers the deepest matching field', () => {
    const result = mapErrorDetailsToFields(
      [{ field: 'persona.ageBands.1', message: 'Unknown band' }],
      [['persona'], ['persona', 'ageBands']],
    );
    expect(result.fields).toEqual([{ name: ['persona', 'ageBands'], errors: ['Unknown band'] }]);
  });
});
