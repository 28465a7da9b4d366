using System.Net.Http;
using System.Threading.Tasks;

namespace Example.Epj;

/// Fetches lab results for a patient. Written before NILAR was replaced by PPS.
public sealed class LabResultClient(HttpClient http)
{
    private const string Endpoint = "https://prod.nilar.nhn.no/api/v1/labresults";

    public Task<string> GetAsync(string patientId) =>
        http.GetStringAsync($"{Endpoint}?patient={patientId}");
}
