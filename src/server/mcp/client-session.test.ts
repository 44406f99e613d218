import { describe, expect, it } from 'vitest';
import { clientNameOf, clientOfInitialize, clientOfSessionId, sessionIdOf } from './client-session';

describe('MCP client sessions', () => {
  it('carry the client named at initialize through the session id', () => {
    const client = { name: 'Claude Desktop', version: '0.9.1' };
    const sessionId = sessionIdOf(client);
    expect(sessionId).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(clientOfSessionId(sessionId)).toEqual(client);
    expect(sessionIdOf(client)).not.toBe(sessionId);
    expect(clientNameOf(client)).toBe('MCP: Claude Desktop 0.9.1');
    expect(clientNameOf({ name: 'agent', version: '' })).toBe('MCP: agent');
  });

  it('know no session id they did not issue', () => {
    const other = Buffer.from(JSON.stringify({ name: 'x', version: '1' })).toString('base64url');
    for (const sessionId of ['', 'not base64!', other, '4f9c1d2e-0000', 'a'.repeat(5000)]) {
      expect(clientOfSessionId(sessionId), sessionId.slice(0, 20)).toBeNull();
    }
  });

  it('keep a client name printable and short, and need one', () => {
    expect(
      clientOfInitialize({ clientInfo: { name: ' Agent\u0000\u001b[31m ', version: '1.0\n' } }),
    ).toEqual({ name: 'Agent[31m', version: '1.0' });
    const long = clientOfInitialize({
      clientInfo: { name: '🙂'.repeat(80), version: '9'.repeat(99) },
    });
    expect(long?.name).toBe('🙂'.repeat(50));
    expect(long?.version).toHaveLength(40);
    expect(clientOfSessionId(sessionIdOf(long!))).toEqual(long);
    expect(clientOfInitialize({ clientInfo: { name: 42 } })).toBeNull();
    expect(clientOfInitialize(undefined)).toBeNull();
  });
});
