import http from 'node:http';
import https from 'node:https';
import { ConfiguredCluster } from '../clusters/configuredClusters';

export type KubeResponse = { status: number; body: any };

/**
 * A minimal client over node:http(s): Paved needs bearer auth with the
 * cluster's own CA or skipTLSVerify, and plain http for local test doubles,
 * without a kubeconfig on the backend's disk.
 */
export function kubeRequest(
  cluster: ConfiguredCluster,
  method: string,
  path: string,
  body?: string,
  contentType = 'application/json',
): Promise<KubeResponse> {
  const url = new URL(
    path,
    cluster.url.endsWith('/') ? cluster.url : `${cluster.url}/`,
  );
  const isHttps = url.protocol === 'https:';
  const options: https.RequestOptions = {
    method,
    headers: {
      Accept: 'application/json',
      Authorization: `Bearer ${cluster.serviceAccountToken}`,
      'User-Agent': 'paved-scaffolder',
      ...(body !== undefined
        ? {
            'Content-Type': contentType,
            'Content-Length': Buffer.byteLength(body),
          }
        : {}),
    },
    ...(isHttps
      ? {
          ca: cluster.caData
            ? Buffer.from(cluster.caData, 'base64')
            : undefined,
          rejectUnauthorized: !cluster.skipTLSVerify,
        }
      : {}),
  };
  return new Promise((resolve, reject) => {
    const req = (isHttps ? https : http).request(url, options, res => {
      const chunks: Buffer[] = [];
      res.on('data', c => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown = text;
        try {
          parsed = text ? JSON.parse(text) : undefined;
        } catch {
          // not JSON: keep the text for the error message
        }
        resolve({ status: res.statusCode ?? 0, body: parsed });
      });
    });
    req.setTimeout(30_000, () =>
      req.destroy(new Error(`${method} ${url.pathname} timed out`)),
    );
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}
