import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import {
  CrossplaneObjectRef,
  redactYamlText,
  yamlFileName,
} from '@paved/plugin-paved-common';
import { useState } from 'react';
import { refLabel } from './format';

/**
 * Copies text with the Clipboard API, or, where it is missing or refused
 * (plain http, an old browser), through a hidden text area and
 * `execCommand('copy')`. Resolves whether it worked.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Fall through to the older way.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  try {
    return document.execCommand?.('copy') ?? false;
  } catch {
    return false;
  } finally {
    document.body.removeChild(area);
  }
}

/** Saves text as a file the browser downloads. */
export function downloadText(fileName: string, text: string): void {
  const url = URL.createObjectURL(
    new Blob([text], { type: 'application/yaml' }),
  );
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  document.body.removeChild(link);
  URL.revokeObjectURL(url);
}

/**
 * An object's YAML, redacted again here (the backend already did), with
 * Copy and Download: both hand over exactly the redacted text shown.
 */
export function ObjectYaml(props: {
  objectRef: CrossplaneObjectRef;
  yaml: string;
}) {
  const text = redactYamlText(props.yaml);
  const label = refLabel(props.objectRef);
  const [copied, setCopied] = useState<'yes' | 'no' | undefined>();
  return (
    <details>
      <summary>
        <Typography variant="caption">YAML</Typography>
      </summary>
      <Button
        size="small"
        aria-label={`Copy YAML of ${label}`}
        onClick={async () => setCopied((await copyText(text)) ? 'yes' : 'no')}
      >
        Copy
      </Button>
      <Button
        size="small"
        aria-label={`Download YAML of ${label}`}
        onClick={() => downloadText(yamlFileName(props.objectRef), text)}
      >
        Download {yamlFileName(props.objectRef)}
      </Button>
      <span role="status">
        {copied === 'yes' && 'Copied'}
        {copied === 'no' && 'Could not copy: select the text instead'}
      </span>
      <pre
        aria-label={`YAML of ${label}`}
        style={{ fontSize: 12, overflowX: 'auto' }}
      >
        {text}
      </pre>
    </details>
  );
}
