import {
  ClusterError,
  CostClusterError,
  CostProblem,
} from '@paved/plugin-paved-common';
import { OpenCostTarget } from './costOptions';

const isNoEndpoints = (m: string) =>
  /no endpoints available|not found/i.test(m);

/** Where Paved looked, in words for an "OpenCost not found" message. */
function where(target: OpenCostTarget): string {
  const { namespace, service, port } = target.service;
  return target.baseUrl
    ? `at ${target.baseUrl}${target.endpoint}`
    : `behind the Service ${namespace}/${service}:${port} (${target.endpoint})`;
}

/**
 * Sorts a cluster's failure into what the card can say about it. A 404 or
 * 503 from the service proxy means no OpenCost Service or nothing ready
 * behind it; the message then says how to install or point Paved at it.
 */
export function classifyCostError(
  cluster: string,
  error: ClusterError,
  target: OpenCostTarget,
): CostClusterError {
  let problem: CostProblem = 'failed';
  if (error.name === 'ClusterTimeoutError') problem = 'timeout';
  else if (error.name === 'OpenCostDataError') problem = 'malformed';
  else if (error.name === 'OpenCostUnreachableError')
    problem = 'opencost-not-found';
  else if (error.statusCode === 401 || error.statusCode === 403)
    problem = 'forbidden';
  else if (
    (error.statusCode === 404 || error.statusCode === 503) &&
    (isNoEndpoints(error.message) || error.statusCode === 404)
  )
    problem = 'opencost-not-found';
  else if (error.statusCode === 502 && /Malformed JSON/.test(error.message))
    problem = 'malformed';

  let message = error.message;
  if (problem === 'opencost-not-found') {
    message = `OpenCost was not found in cluster '${cluster}' ${where(
      target,
    )}: ${
      error.message
    }. Install OpenCost there (helm install opencost opencost/opencost --namespace opencost --create-namespace), or set paved.cost.clusters[].baseUrl or .service to where it runs.`;
  } else if (problem === 'forbidden') {
    message = `Not allowed to reach OpenCost in cluster '${cluster}' ${where(
      target,
    )}: ${
      error.message
    }. Reading through the service proxy needs the kubernetes.proxy permission and 'get' on services/proxy in namespace ${
      target.service.namespace
    }.`;
  }
  return { ...error, message, problem };
}
