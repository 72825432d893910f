using System.Text;
using SalesCoachBot.Features.Crm;

namespace SalesCoachBot.Tests.Features.Crm;

public sealed class CrmSignatureTests
{
    private const string Secret = "test-secret-0123456789";
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"eventId\":\"e-1\"}");

    [Fact]
    public void Sign_KnownInput_MatchesOpenSslHmac()
    {
        // printf '%s' '1700000000.{"eventId":"e-1"}' | openssl dgst -sha256 -hmac 'test-secret-0123456789'
        Assert.Equal("sha256=200a596510dd5a2592290f127eb62423b4087ea9829a9aff0e83db9c64f85b97", CrmSignature.Sign(Secret, "1700000000", Body));
    }

    [Fact]
    public void Verify_OwnSignature_Accepted()
    {
        var signature = CrmSignature.Sign(Secret, "1700000000", Body);

        Assert.Equal(SignatureFailure.None, CrmSignature.Verify(Secret, "1700000000", signature, Body, Now, TimeSpan.FromMinutes(5)));
        Assert.Equal(SignatureFailure.None, CrmSignature.Verify(Secret, "1700000000", signature.ToUpperInvariant().Replace("SHA256=", "sha256=", StringComparison.Ordinal), Body, Now, TimeSpan.FromMinutes(5)));
    }

    [Theory]
    [InlineData(null, "sha256=00", SignatureFailure.MissingHeaders)]
    [InlineData("1700000000", null, SignatureFailure.MissingHeaders)]
    [InlineData("-1700000000", "sign", SignatureFailure.MalformedTimestamp)]
    [InlineData("1.7e9", "sign", SignatureFailure.MalformedTimestamp)]
    [InlineData(" 1700000000", "sign", SignatureFailure.MalformedTimestamp)]
    [InlineData("1700000000", "md5=200a596510dd5a2592290f127eb62423b4087ea9829a9aff0e83db9c64f85b97", SignatureFailure.MalformedSignature)]
    [InlineData("1700000000", "sha256=zz0a596510dd5a2592290f127eb62423b4087ea9829a9aff0e83db9c64f85b97", SignatureFailure.MalformedSignature)]
    [InlineData("1700000000", "sha256=200a59", SignatureFailure.MalformedSignature)]
    [InlineData("1700000000", "200a596510dd5a2592290f127eb62423b4087ea9829a9aff0e83db9c64f85b97", SignatureFailure.MalformedSignature)]
    [InlineData("1700000001", "sha256=200a596510dd5a2592290f127eb62423b4087ea9829a9aff0e83db9c64f85b97", SignatureFailure.Mismatch)]
    [InlineData("999999999999", "sha256=200a596510dd5a2592290f127eb62423b4087ea9829a9aff0e83db9c64f85b97", SignatureFailure.Mismatch)]
    public void Verify_BadHeaders_SaysWhy(string? timestamp, string? signature, SignatureFailure expected)
    {
        if (signature == "sign")
        {
            signature = CrmSignature.Sign(Secret, timestamp ?? "", Body);
        }

        Assert.Equal(expected, CrmSignature.Verify(Secret, timestamp, signature, Body, Now, TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void Verify_TamperedBodyOrOtherSecret_Mismatch()
    {
        var signature = CrmSignature.Sign(Secret, "1700000000", Body);
        var tampered = Encoding.UTF8.GetBytes("{\"eventId\":\"e-2\"}");

        Assert.Equal(SignatureFailure.Mismatch, CrmSignature.Verify(Secret, "1700000000", signature, tampered, Now, TimeSpan.FromMinutes(5)));
        Assert.Equal(SignatureFailure.Mismatch, CrmSignature.Verify(Secret + "x", "1700000000", signature, Body, Now, TimeSpan.FromMinutes(5)));
    }

    [Theory]
    [InlineData(-360, SignatureFailure.OutsideWindow)]
    [InlineData(360, SignatureFailure.OutsideWindow)]
    [InlineData(-299, SignatureFailure.None)]
    [InlineData(299, SignatureFailure.None)]
    public void Verify_TimestampAgainstWindow_RefusesOutside(int offsetSeconds, SignatureFailure expected)
    {
        var timestamp = (1_700_000_000 + offsetSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = CrmSignature.Sign(Secret, timestamp, Body);

        Assert.Equal(expected, CrmSignature.Verify(Secret, timestamp, signature, Body, Now, TimeSpan.FromMinutes(5)));
    }
}
