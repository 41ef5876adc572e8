import { describe, expect, it } from 'vitest';
import { tokenOf } from './scan';

describe('the token a badge’s QR code holds', () => {
  it('is the last part of the check-in address, or the text itself', () => {
    expect(tokenOf('https://crossroads.example.org/conferences/check-in/AbC_d-123456789012345678')).toBe(
      'AbC_d-123456789012345678',
    );
    expect(tokenOf(' http://127.0.0.1:4000/conferences/check-in/AbC_d-123456789012345678/ ')).toBe('AbC_d-123456789012345678');
    expect(tokenOf('AbC_d-123456789012345678')).toBe('AbC_d-123456789012345678');
    // Another address is not a check-in address: it is passed on as it is, and the server says it knows no such ticket.
    expect(tokenOf('https://example.org/elsewhere')).toBe('https://example.org/elsewhere');
  });
});
