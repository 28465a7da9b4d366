// Where HelseID and Persontjenesten live. Test is the default everywhere; live person search refuses
// production (a picker of real persons is not a thing this product offers).

export type HelseIdEnvironment = 'test' | 'production';

export const HELSEID_ISSUERS: Record<HelseIdEnvironment, string> = {
  test: 'https://helseid-sts.test.nhn.no',
  production: 'https://helseid-sts.nhn.no',
};

export const PERSONTJENESTEN_TEST_BASE = 'https://et.persontjenesten.test.nhn.no';

export const DEFAULT_PERSONTJENESTEN_SCOPE = 'nhn:hgd-persontjenesten-api/restricted-access';
