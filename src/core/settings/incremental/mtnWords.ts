/**
 * Every word the MTN test looks at (names, hosts, headers, Credential Token names) mentions one
 * of these. Each is made of letters, `-` and `_`: one that an edit makes or unmakes lies in the
 * run of such characters (and digits) around the edit.
 */
export const MTN_TEST_WORDS = /momo|mtn|ocp-apim|apiuser|x-target-environment|ericssonbasicapi|subscriptionkey|targetenvironment|credential_token/i;
