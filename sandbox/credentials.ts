/**
 * The credentials the sandbox providers accept. They guard nothing real: they exist so the sandbox
 * checks auth exactly as the providers do, and a client that forgets a header fails here too.
 */
export const SANDBOX_CREDENTIALS = {
  VIDEO_JUNGLE: { apiKey: 'vj_sandbox_5f1c0b7e4d9a4c2b' },
  UPLYNK: { ownerId: '4f2c6a8e1b3d4f5a9c7e0b2d4f6a8c1e', apiKey: 'uplynk-sandbox-api-key-2b7d9f' },
  TWELVE_LABS: { apiKey: 'tlk_SANDBOX0000000000000000000' },
  RUNWAY: { token: 'user:1234-sandboxtoken0000', email: 'sandbox@assetfed.dev' },
} as const;
