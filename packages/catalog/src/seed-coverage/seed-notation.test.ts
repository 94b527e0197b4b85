import { describe, expect, it } from 'vitest';
import { parseExamplePayload004, parseFieldList000, parseInterface002 } from './seed-notation';

describe('reading the seed notations', () => {
  it('reads 000 field lists: optional marks, enums, arrays, nested objects and alternative names', () => {
    const fields = parseFieldList000(
      'tenantId, clientId/companyId, stage(response|resolution|custom), cc[]?, applications[{invoiceId, amountApplied}], summary{created,skipped}, signers[{email, name?}]?',
    );
    expect(fields).toEqual([
      { paths: ['tenantId'], optional: false, nullable: false },
      { paths: ['clientId', 'companyId'], optional: false, nullable: false },
      { paths: ['stage'], optional: false, nullable: false, enum: ['response', 'resolution', 'custom'] },
      { paths: ['cc'], optional: true, nullable: false, type: 'array' },
      { paths: ['applications'], optional: false, nullable: false, type: 'array', itemType: 'object' },
      { paths: ['applications[].invoiceId'], optional: false, nullable: false },
      { paths: ['applications[].amountApplied'], optional: false, nullable: false },
      { paths: ['summary'], optional: false, nullable: false, type: 'object' },
      { paths: ['summary.created'], optional: false, nullable: false },
      { paths: ['summary.skipped'], optional: false, nullable: false },
      { paths: ['signers'], optional: true, nullable: false, type: 'array', itemType: 'object' },
      { paths: ['signers[].email'], optional: true, nullable: false },
      { paths: ['signers[].name'], optional: true, nullable: false },
    ]);
  });

  it('reads 002 interfaces: nullable unions, literal unions, nested arrays of objects', () => {
    const fields = parseInterface002(`
      reason: string | null; // Required if regulatory
      decision: "APPROVED" | "REJECTED";
      brokenLinks: Array<{
      entryId: string;
      }>;
      priority: Priority;
      note?: string;
    `);
    expect(fields).toEqual([
      { paths: ['reason'], optional: false, nullable: true, type: 'string' },
      { paths: ['decision'], optional: false, nullable: false, type: 'string', enum: ['APPROVED', 'REJECTED'] },
      { paths: ['brokenLinks'], optional: false, nullable: false, type: 'array', itemType: 'object' },
      { paths: ['brokenLinks[].entryId'], optional: false, nullable: false, type: 'string' },
      { paths: ['priority'], optional: false, nullable: false },
      { paths: ['note'], optional: true, nullable: false, type: 'string' },
    ]);
  });

  it('reads 004 example payloads by the JSON type of each value', () => {
    expect(parseExamplePayload004('{"userId": "u1", "size": 2, "roles": ["member"]}')).toEqual([
      { paths: ['userId'], optional: false, nullable: false, type: 'string' },
      { paths: ['size'], optional: false, nullable: false, type: 'number' },
      { paths: ['roles'], optional: false, nullable: false, type: 'array', itemType: 'string' },
    ]);
  });
});
