using System;
using System.Collections.Generic;
using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using Microsoft.IdentityModel.Tokens;

namespace Example.Epj;

/// Builds the private_key_jwt client assertion for HelseID, the way it was written in 2022.
public static class HelseIdClientAssertion
{
    // Near miss: the token endpoint itself is a fine URL to post to; only the audience must be the issuer.
    public const string TokenEndpoint = "https://helseid-sts.test.nhn.no/connect/token";
    public const string Authority = "https://helseid-sts.test.nhn.no";

    public static string Build(string clientId, SecurityKey key)
    {
        var header = new JwtHeader(new SigningCredentials(key, SecurityAlgorithms.RsaSha256));
        header[JwtHeaderParameterNames.Typ] = "JWT";

        var claims = new List<Claim>
        {
            new Claim(JwtRegisteredClaimNames.Sub, clientId),
            new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
            new Claim(JwtRegisteredClaimNames.Aud, "https://helseid-sts.test.nhn.no/connect/token"),
        };
        var payload = new JwtPayload(clientId, null, claims, DateTime.UtcNow, DateTime.UtcNow.AddSeconds(60));
        return new JwtSecurityTokenHandler().WriteToken(new JwtSecurityToken(header, payload));
    }

    // Near miss: a DPoP proof is typed dpop+jwt, and the production issuer is the right audience.
    public static Dictionary<string, object> DpopHeader() => new() { { "typ", "dpop+jwt" }, { "alg", "RS256" } };
    public static Claim ProductionAudience() => new Claim(JwtRegisteredClaimNames.Aud, "https://helseid-sts.nhn.no");

    // Old HelseID claim name still read from the token.
    public static string? Pid(ClaimsPrincipal user) => user.FindFirst("https://nhn.no/claims/identity/pid")?.Value;
    // Near miss: the current name.
    public static string? PidNow(ClaimsPrincipal user) => user.FindFirst("helseid://claims/identity/pid")?.Value;
}
