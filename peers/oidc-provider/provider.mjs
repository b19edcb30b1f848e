// An académie's identity provider for Hybride's tests: the OpenID Certified `oidc-provider`
// package, with its own development login page (any password is accepted for the accounts
// below). Usage: node provider.mjs <port> <client_id> <client_secret> <redirect_uri> [<post_logout_redirect_uri>]
// Prints "ready <issuer>" once it listens. Userinfo is answered as a signed JWT when
// OIDC_PEER_SIGNED_USERINFO=1 (as ProConnect does).
import Provider from 'oidc-provider';

const [port, clientId, clientSecret, redirectUri, postLogout] = process.argv.slice(2);
if (!port || !clientId || !clientSecret || !redirectUri) {
  console.error('usage: node provider.mjs <port> <client_id> <client_secret> <redirect_uri> [<post_logout_redirect_uri>]');
  process.exit(2);
}
const signedUserinfo = process.env.OIDC_PEER_SIGNED_USERINFO === '1';
const issuer = `http://127.0.0.1:${port}`;

// The académie's directory: login → claims. `rne` is the establishment (UAI).
const accounts = {
  'claire.fontaine': {
    email: 'claire.fontaine@ac-lyon.fr', email_verified: true,
    given_name: 'Claire', family_name: 'Fontaine', rne: '0690001A',
  },
  'paul.girard': {
    email: 'paul.girard@ac-lyon.fr', email_verified: true,
    given_name: 'Paul', family_name: 'Girard', rne: '0690002B',
  },
  'inconnu.ailleurs': {
    email: 'inconnu@ailleurs.example', email_verified: true,
    given_name: 'Inconnu', family_name: 'Ailleurs',
  },
};

const configuration = {
  clients: [{
    client_id: clientId,
    client_secret: clientSecret,
    redirect_uris: [redirectUri],
    post_logout_redirect_uris: postLogout ? [postLogout] : [],
    response_types: ['code'],
    grant_types: ['authorization_code'],
    token_endpoint_auth_method: 'client_secret_basic',
    ...(signedUserinfo ? { userinfo_signed_response_alg: 'RS256' } : {}),
  }],
  pkce: { required: () => true },
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['given_name', 'family_name', 'rne'],
  },
  features: {
    devInteractions: { enabled: true },
    rpInitiatedLogout: { enabled: true },
    jwtUserinfo: { enabled: signedUserinfo },
  },
  // Claims come from userinfo (as with ProConnect), not inside the ID token.
  conformIdTokenClaims: true,
  async findAccount(_ctx, sub) {
    const claims = accounts[sub];
    if (!claims) return undefined;
    return { accountId: sub, async claims() { return { sub, ...claims }; } };
  },
  // Hybride is the académie's own application: no consent screen.
  async loadExistingGrant(ctx) {
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope('openid email profile');
    grant.addOIDCClaims(['email', 'email_verified', 'given_name', 'family_name', 'rne']);
    await grant.save();
    return grant;
  },
  ttl: { Session: 3600, Interaction: 600, Grant: 3600, AccessToken: 600, AuthorizationCode: 60, IdToken: 600 },
};

const provider = new Provider(issuer, configuration);
provider.on('server_error', (_ctx, err) => console.error('server_error', err));
provider.listen(Number(port), '127.0.0.1', () => {
  console.log(`ready ${issuer}`);
});
