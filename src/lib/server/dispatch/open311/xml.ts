// A tiny XML writer for GeoReport v2's schemaless documents: elements and text only, every text escaped,
// characters XML 1.0 cannot carry dropped. No dependency, no attributes, no namespaces (the spec asks for none).

// C0 controls other than tab, line feed and carriage return; U+FFFE/U+FFFF; surrogates without their pair.
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const NAME = /^[a-z_][a-z0-9_]*$/;

export function escapeXml(text: string): string {
	return text.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** `<name>text</name>`, or `<name/>` for nothing; `children` are already-written elements. */
export function element(name: string, content: { text: string } | { children: string[] } | null): string {
	// element names come from this code, never from data: refuse anything else rather than write broken XML
	if (!NAME.test(name)) throw new Error(`not an element name: ${name}`);
	if (content === null) return `<${name}/>`;
	return 'text' in content ? `<${name}>${escapeXml(content.text)}</${name}>` : `<${name}>${content.children.join('')}</${name}>`;
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';
