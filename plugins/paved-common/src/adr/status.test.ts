import { parseAdrStatus } from './status';

describe('parseAdrStatus', () => {
  it.each([
    ['Accepted', 'accepted'],
    ['accepted on 2024-01-01', 'accepted'],
    ['Draft', 'proposed'],
    ['Approved', 'accepted'],
    ['Deprecated', 'deprecated'],
    ['Rejected', 'rejected'],
    ['superseded by ADR-0005', 'superseded'],
    ['Date: 2024-01-01\nProposed', 'proposed'],
  ])('reads %j as %s', (text, status) => {
    expect(parseAdrStatus(text).status).toBe(status);
  });

  it('keeps what it does not know, for the error message', () => {
    expect(parseAdrStatus('Parked')).toMatchObject({ unknown: 'Parked' });
  });

  it('ignores amend links', () => {
    expect(parseAdrStatus('Accepted\n\nAmends [4. X](0004-x.md)')).toEqual({
      status: 'accepted',
      supersedes: [],
      supersededBy: [],
    });
  });
});
