/**
 * STIX 2.1 vocabularies (specification section 10). Open vocabularies (`-ov`) list suggested
 * values: any string is accepted. Closed vocabularies (`-enum`) are enforced.
 */
import { z } from 'zod';

export const indicatorTypeOv = [
  'anomalous-activity',
  'anonymization',
  'benign',
  'compromised',
  'malicious-activity',
  'attribution',
  'unknown',
] as const;

export const malwareTypeOv = [
  'adware',
  'backdoor',
  'bot',
  'bootkit',
  'ddos',
  'downloader',
  'dropper',
  'exploit-kit',
  'keylogger',
  'ransomware',
  'remote-access-trojan',
  'resource-exploitation',
  'rogue-security-software',
  'rootkit',
  'screen-capture',
  'spyware',
  'trojan',
  'unknown',
  'virus',
  'webshell',
  'wiper',
  'worm',
] as const;

export const patternTypeOv = ['stix', 'pcre', 'sigma', 'snort', 'suricata', 'yara'] as const;

export const identityClassOv = [
  'individual',
  'group',
  'system',
  'organization',
  'class',
  'unknown',
] as const;

export const industrySectorOv = [
  'agriculture',
  'aerospace',
  'automotive',
  'chemical',
  'commercial',
  'communications',
  'construction',
  'defense',
  'education',
  'energy',
  'engineering',
  'entertainment',
  'financial-services',
  'government',
  'emergency-services',
  'government-local',
  'government-national',
  'government-public-services',
  'government-regional',
  'healthcare',
  'hospitality-leisure',
  'infrastructure',
  'dams',
  'nuclear',
  'water',
  'insurance',
  'manufacturing',
  'mining',
  'non-profit',
  'pharmaceuticals',
  'retail',
  'technology',
  'telecommunications',
  'transportation',
  'utilities',
] as const;

export const reportTypeOv = [
  'attack-pattern',
  'campaign',
  'identity',
  'indicator',
  'intrusion-set',
  'malware',
  'observed-data',
  'threat-actor',
  'threat-report',
  'tool',
  'vulnerability',
] as const;

export const groupingContextOv = [
  'suspicious-activity',
  'malware-analysis',
  'unspecified',
] as const;

export const implementationLanguageOv = [
  'applescript',
  'bash',
  'c',
  'c++',
  'c#',
  'go',
  'java',
  'javascript',
  'lua',
  'objective-c',
  'perl',
  'php',
  'powershell',
  'python',
  'ruby',
  'scala',
  'swift',
  'typescript',
  'visual-basic',
  'x86-32',
  'x86-64',
] as const;

export const processorArchitectureOv = [
  'alpha',
  'arm',
  'ia-64',
  'mips',
  'powerpc',
  'sparc',
  'x86',
  'x86-64',
] as const;

/** Hash algorithm names exactly as written in hashes dictionaries (section 10.8). */
export const hashAlgorithmOv = [
  'MD5',
  'SHA-1',
  'SHA-256',
  'SHA-512',
  'SHA3-256',
  'SHA3-512',
  'SSDEEP',
  'TLSH',
] as const;

/** Closed: opinion (section 10.9). */
export const opinionEnum = [
  'strongly-disagree',
  'disagree',
  'neutral',
  'agree',
  'strongly-agree',
] as const;

/** Closed: extension types (section 10.6). */
export const extensionTypeEnum = [
  'new-sdo',
  'new-sco',
  'new-sro',
  'property-extension',
  'toplevel-property-extension',
] as const;

/** An open vocabulary value: any string; the list only documents the suggested values. */
export const openVocab = (_values: readonly string[]) => z.string();

/** A closed vocabulary value: one of the list, with the list in the message. */
export const closedVocab = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values);

/** Whether a value of an open vocabulary is one of its suggested values (for hints). */
export const inVocabulary = (values: readonly string[], value: string): boolean =>
  values.includes(value);
