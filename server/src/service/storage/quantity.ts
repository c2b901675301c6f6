/**
 * Kubernetes resource quantities (`resource.Quantity` of k8s.io/apimachinery): the same scanner and
 * suffix table the API server uses, so that what this accepts the cluster accepts and vice versa.
 */

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

/** A quantity that parsed: its approximate value in base units and how it was written. */
export interface ParsedQuantity {
	value: number;
	negative: boolean;
	suffix: string;
	format: QuantityFormat;
}

const DECIMAL_SUFFIXES: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIXES: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const SUFFIX_CHARS = 'eEinumkKMGTP';
const MAX_INT64_FACTORS = 18;

interface Scanned {
	negative: boolean;
	value: string;
	num: string;
	denom: string;
	suffix: string;
}

const isDigit = (c: string) => c >= '0' && c <= '9';

/** The scanner of `parseQuantityString`: sign, digits, optional fraction, then the suffix. */
function scan(str: string): Scanned | undefined {
	const end = str.length;
	let pos = 0;
	let negative = false;
	if (str[0] === '-' || str[0] === '+') {
		negative = str[0] === '-';
		pos++;
	}
	while (pos < end && str[pos] === '0') pos++;
	if (pos >= end) return { negative, value: '0', num: '0', denom: '', suffix: '' };
	let i = pos;
	while (i < end && isDigit(str[i])) i++;
	if (i >= end) return { negative, value: str, num: str.slice(pos), denom: '', suffix: '' };
	const num = str.slice(pos, i) || '0';
	pos = i;
	let denom = '';
	if (str[pos] === '.') {
		pos++;
		i = pos;
		while (i < end && isDigit(str[i])) i++;
		denom = str.slice(pos, i);
		if (i >= end) return { negative, value: str, num, denom, suffix: '' };
		pos = i;
	}
	const value = str.slice(0, pos);
	const suffixStart = pos;
	i = pos;
	while (i < end && SUFFIX_CHARS.includes(str[i])) i++;
	if (i >= end) return { negative, value, num, denom, suffix: str.slice(suffixStart) };
	pos = i;
	if (str[pos] === '-' || str[pos] === '+') pos++;
	for (i = pos; i < end; i++) if (!isDigit(str[i])) return undefined;
	return { negative, value, num, denom, suffix: str.slice(suffixStart) };
}

/** The suffix table of `quantitySuffixer.interpret`: base, exponent and format, or undefined. */
function interpret(suffix: string): { base: 2 | 10; exponent: number; format: QuantityFormat } | undefined {
	if (suffix in DECIMAL_SUFFIXES) return { base: 10, exponent: DECIMAL_SUFFIXES[suffix], format: 'DecimalSI' };
	if (suffix in BINARY_SUFFIXES) return { base: 2, exponent: BINARY_SUFFIXES[suffix], format: 'BinarySI' };
	if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E') && /^[+-]?\d+$/.test(suffix.slice(1))) {
		return { base: 10, exponent: Number(suffix.slice(1)), format: 'DecimalExponent' };
	}
	return undefined;
}

/** Parses a quantity as the API server does (after trimming surrounding whitespace), or undefined when it rejects it. */
export function parseQuantity(text: string): ParsedQuantity | undefined {
	const str = text.trim();
	if (str.length === 0) return undefined;
	if (str === '0') return { value: 0, negative: false, suffix: '', format: 'DecimalSI' };
	const scanned = scan(str);
	if (!scanned) return undefined;
	const unit = interpret(scanned.suffix);
	if (!unit) return undefined;
	const { num, denom, negative } = scanned;
	// The API server takes a fast integer path when it can; otherwise it parses the number part as a
	// decimal, which needs at least one digit ("." alone passes only on the fast path).
	const fast =
		unit.format === 'BinarySI'
			? unit.exponent >= 0 && denom.length === 0 && 15 - num.length - Math.trunc((unit.exponent * 3) / 10) - 1 >= 0
			: MAX_INT64_FACTORS - (num.length + denom.length) >= 0 && unit.exponent - denom.length >= -9;
	if (!fast && !/^[+-]?(\d+\.?\d*|\.\d+)$/.test(scanned.value)) return undefined;
	const digits = Number(`${num}${denom}`) || 0;
	const magnitude = unit.base === 10 ? digits * Math.pow(10, unit.exponent - denom.length) : (digits / Math.pow(10, denom.length)) * Math.pow(2, unit.exponent);
	return { value: negative ? -magnitude : magnitude, negative: negative && magnitude !== 0, suffix: scanned.suffix, format: unit.format };
}

/** Resource names measured in bytes (memory, storage, huge pages), where `m` means a thousandth of a byte. */
export function isByteResource(name: string): boolean {
	return /(^|[./])(memory|storage|ephemeral-storage)$/.test(name) || /(^|[./])hugepages-/.test(name) || name === 'sizeLimit';
}

const BYTE_UNITS: Record<string, string[]> = {
	b: [''],
	byte: [''],
	bytes: [''],
	k: ['k', 'Ki'],
	kb: ['k', 'Ki'],
	ki: ['Ki'],
	kib: ['Ki'],
	mb: ['M', 'Mi'],
	mi: ['Mi'],
	mib: ['Mi'],
	g: ['G', 'Gi'],
	gb: ['G', 'Gi'],
	gi: ['Gi'],
	gib: ['Gi'],
	t: ['T', 'Ti'],
	tb: ['T', 'Ti'],
	ti: ['Ti'],
	tib: ['Ti'],
	p: ['P', 'Pi'],
	pb: ['P', 'Pi'],
	pi: ['Pi'],
	pib: ['Pi'],
	eb: ['E', 'Ei'],
	ei: ['Ei'],
	eib: ['Ei'],
};

const CPU_UNITS: Record<string, string[]> = {
	cpu: [''],
	cpus: [''],
	core: [''],
	cores: [''],
	vcpu: [''],
	vcpus: [''],
	millicpu: ['m'],
	millicores: ['m'],
	millicore: ['m'],
	mcpu: ['m'],
};

/**
 * What the author probably meant by a quantity Kubernetes rejects, as valid quantities:
 * "10GB" gives "10G" and "10Gi", "1.5 Gi" gives "1.5Gi", "10gi" gives "10Gi".
 */
export function quantitySuggestions(text: string, resourceName: string): string[] {
	const match = /^([+-]?(?:\d+\.?\d*|\.\d+))\s*([A-Za-z]*)$/.exec(text.trim());
	if (!match) return [];
	const [, number, unit] = match;
	const bytes = isByteResource(resourceName);
	const candidates: string[] = [];
	if (bytes && unit === 'm') candidates.push(`${number}M`, `${number}Mi`);
	else if (parseQuantity(`${number}${unit}`)) candidates.push(`${number}${unit}`);
	else {
		const table = resourceName === 'cpu' || resourceName.endsWith('.cpu') ? CPU_UNITS : BYTE_UNITS;
		for (const suffix of table[unit.toLowerCase()] ?? []) candidates.push(`${number}${suffix}`);
	}
	return candidates.filter((c) => c !== text && parseQuantity(c));
}

/** "10G" -> "10 × 1000³", "10Gi" -> "10 × 1024³": how a suggestion reads in a fix title. */
export function describeQuantity(text: string): string {
	const match = /^([+-]?[\d.]+)(?:([kMGTPE])|([KMGTPE])i)$/.exec(text);
	if (!match) return text;
	const power = 'KMGTPE'.indexOf((match[2] ?? match[3]).toUpperCase()) + 1;
	const sup = ['', '', '²', '³', '⁴', '⁵', '⁶'][power];
	return `${match[1]} × ${match[3] ? '1024' : '1000'}${sup}`;
}
