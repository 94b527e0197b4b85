import { describe, expect, it } from 'vitest';
import { AddressRefusedError, isAllowedPrivateHost, refusalReason } from './address-policy';

describe('the outbound address policy', () => {
  it.each([
    ['127.0.0.1', 'a loopback address (this machine)'],
    ['::1', 'a loopback address (this machine)'],
    ['10.1.2.3', 'a private network address'],
    ['172.20.0.1', 'a private network address'],
    ['192.168.1.10', 'a private network address'],
    ['::ffff:10.0.0.1', 'a private network address'],
    ['169.254.10.1', 'a link-local address'],
    ['fe80::1', 'a link-local address'],
    ['fd12:3456::1', 'a unique local (private) IPv6 address'],
    ['100.64.0.1', 'a carrier-grade NAT (shared private) address'],
    ['0.0.0.0', 'the unspecified address (it reaches this machine)'],
    ['::', 'the unspecified address (it reaches this machine)'],
    ['224.0.0.1', 'a multicast address'],
    ['64:ff9b::a00:1', 'a NAT64 address that may embed a private IPv4 address'],
    ['169.254.169.254', 'a cloud metadata endpoint, which is never allowed'],
    ['fd00:ec2::254', 'a cloud metadata endpoint, which is never allowed'],
    ['::ffff:169.254.169.254', 'a cloud metadata endpoint, which is never allowed'],
    ['100.100.100.200', 'a cloud metadata endpoint, which is never allowed'],
  ])('refuses %s as %s', (address, reason) => {
    expect(refusalReason(address, { privateAllowed: false })).toBe(reason);
  });

  it.each(['93.184.215.14', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8'])('lets public %s through', (address) => {
    expect(refusalReason(address, { privateAllowed: false })).toBeNull();
  });

  it('opens private ranges for allowlisted hosts, but never the metadata endpoints', () => {
    expect(refusalReason('10.0.0.5', { privateAllowed: true })).toBeNull();
    expect(refusalReason('127.0.0.1', { privateAllowed: true })).toBeNull();
    expect(refusalReason('169.254.169.254', { privateAllowed: true })).toMatch(/metadata/);
    expect(refusalReason('fd00:ec2::254', { privateAllowed: true })).toMatch(/metadata/);
  });

  it('matches the allowlist by host name, or by host and port', () => {
    const allowed = ['crm.internal', 'localhost:8080', '[::1]', 'MAIL.Internal'];
    expect(isAllowedPrivateHost(new URL('https://crm.internal/api'), allowed)).toBe(true);
    expect(isAllowedPrivateHost(new URL('http://crm.internal:9000/'), allowed)).toBe(true);
    expect(isAllowedPrivateHost(new URL('http://localhost:8080/'), allowed)).toBe(true);
    expect(isAllowedPrivateHost(new URL('http://localhost:8081/'), allowed)).toBe(false);
    expect(isAllowedPrivateHost(new URL('http://[::1]:3000/'), allowed)).toBe(true);
    expect(isAllowedPrivateHost(new URL('http://mail.internal/'), allowed)).toBe(true);
    expect(isAllowedPrivateHost(new URL('http://crm.internal.evil.test/'), allowed)).toBe(false);
  });

  it('says which address was refused, for which host, why, and how to allow it', () => {
    const error = new AddressRefusedError(new URL('https://crm.internal/x?token=1'), '10.0.0.5', 'a private network address');
    expect(error.message).toBe(
      "Refused to connect to 10.0.0.5 (crm.internal resolves to it) for https://crm.internal: it is a private network address; add crm.internal to the worker's allowed private hosts if it should be reachable",
    );
    expect(error.retryable).toBe(false);
    const metadata = new AddressRefusedError(new URL('http://169.254.169.254/latest'), '169.254.169.254', refusalReason('169.254.169.254', { privateAllowed: true })!);
    expect(metadata.message).toBe('Refused to connect to 169.254.169.254 for http://169.254.169.254: it is a cloud metadata endpoint, which is never allowed');
  });
});
