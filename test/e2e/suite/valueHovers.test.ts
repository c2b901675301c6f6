/* Hovers on values that point at knowledge: a Service type, a storageClassName and a runtimeClassName (the class found in another file and what backs it), in English and in Chinese. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { graphEntry, hoverAt, hoverText, openFile, positionOf, waitFor, type GraphEntry } from './util';

/** Waits until the hover at a position contains `needle` (the server may still be loading the workspace); returns its text. */
async function hoverWith(document: vscode.TextDocument, position: vscode.Position, needle: string, what: string): Promise<string> {
	return waitFor(`${what} (a hover with "${needle}")`, async () => {
		const text = await hoverAt(document, position);
		return text.includes(needle) ? text : undefined;
	});
}

/** The first sentence-sized piece of a summary, enough to tell the hover shows the entry and not only its title. */
function summaryStart(entry: GraphEntry, language: 'en' | 'zh'): string {
	return entry.summary[language].slice(0, language === 'en' ? 60 : 20);
}

/** Registers the value-hover tests with Mocha. */
export function defineValueHoverTests(): void {
	describe('KubeLore hovers on values', () => {
		it('hovers on type: NodePort with the NodePort entry', async () => {
			const editor = await openFile('app/web.yaml');
			const position = positionOf(editor.document, 'type: NodePort', 'type: '.length + 4);
			const nodePort = graphEntry('nodeport');
			const text = await hoverWith(editor.document, position, nodePort.title.en, 'the NodePort entry');
			assert.ok(text.includes(summaryStart(nodePort, 'en')), `the hover has the summary: ${text.slice(0, 300)}`);
			assert.ok(text.includes('30000-32767'), `the hover has the port range fact: ${text.slice(0, 600)}`);
			const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, position);
			const ours = hovers.find((h) => hoverText([h]).includes(nodePort.title.en));
			assert.ok(ours?.range, 'the hover has a range');
			assert.equal(editor.document.getText(ours.range), 'NodePort', 'the hover range is the type value');
		});

		it('hovers on storageClassName with the StorageClass of another file and its driver', async () => {
			const editor = await openFile('storage/claims.yaml');
			const position = positionOf(editor.document, 'storageClassName: standard', 'storageClassName: '.length + 2);
			const ebs = graphEntry('aws-ebs');
			const text = await hoverWith(editor.document, position, 'StorageClass `standard`', 'the StorageClass found in storage/classes.yaml');
			assert.match(text, /\[classes\.yaml:5\]\([^)]*\/storage\/classes\.yaml#L5\)/, `the hover links the StorageClass in classes.yaml: ${text.slice(0, 300)}`);
			assert.ok(text.includes('`ebs.csi.aws.com`') && text.includes('WaitForFirstConsumer'), `the facts row has the provisioner and binding mode: ${text.slice(0, 400)}`);
			assert.ok(text.includes(ebs.title.en) && text.includes(summaryStart(ebs, 'en')), `the hover has the driver's entry "${ebs.title.en}": ${text.slice(0, 800)}`);
		});

		it('hovers on runtimeClassName with the RuntimeClass of another file and its handler', async () => {
			const editor = await openFile('app/queue.yaml');
			const position = positionOf(editor.document, 'runtimeClassName: gvisor', 'runtimeClassName: '.length + 2);
			const gvisor = graphEntry('gvisor');
			const text = await hoverWith(editor.document, position, 'RuntimeClass `gvisor`', 'the RuntimeClass found in cluster/runtime-classes.yaml');
			assert.match(text, /\[\.\.\/cluster\/runtime-classes\.yaml:5\]\([^)]*\/cluster\/runtime-classes\.yaml#L5\)/, `the hover links the RuntimeClass: ${text.slice(0, 300)}`);
			assert.ok(text.includes('`runsc`') && text.includes(summaryStart(gvisor, 'en')), `the hover has the handler and the gVisor entry: ${text.slice(0, 800)}`);
		});

		it('shows the hovers in Chinese when kubelore.language is zh, and in English again after', async () => {
			const editor = await openFile('app/web.yaml');
			const position = positionOf(editor.document, 'type: NodePort', 'type: '.length + 4);
			const nodePort = graphEntry('nodeport');
			const settings = vscode.workspace.getConfiguration('kubelore');
			await settings.update('language', 'zh', vscode.ConfigurationTarget.Global);
			try {
				const text = await hoverWith(editor.document, position, nodePort.title.zh, 'the NodePort entry in Chinese');
				assert.ok(text.includes(summaryStart(nodePort, 'zh')), `the hover has the Chinese summary: ${text.slice(0, 300)}`);
				assert.ok(!text.includes(summaryStart(nodePort, 'en')), 'and not the English one');
				assert.match(text, /\*\*相关：\*\*/, `the Related line is labelled in Chinese: ${text.slice(0, 800)}`);
			} finally {
				await settings.update('language', undefined, vscode.ConfigurationTarget.Global);
			}
			await hoverWith(editor.document, position, nodePort.title.en, 'the NodePort entry in English after the setting is removed');
		});
	});
}
