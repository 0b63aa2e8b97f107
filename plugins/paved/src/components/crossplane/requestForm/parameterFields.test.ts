import {
  initialParameters,
  parameterFields,
  parameterProblems,
} from './parameterFields';

// The parameters of a database XRD, as its openAPIV3Schema declares them.
const schema = {
  type: 'object',
  required: ['storageGB', 'size', 'encrypted'],
  properties: {
    engineVersion: { type: 'string', enum: ['15', '16', '17'], default: '16' },
    size: {
      type: 'string',
      enum: ['small', 'medium', 'large'],
      description: 'Instance size',
    },
    storageGB: { type: 'integer', minimum: 20, maximum: 1000 },
    bucketPrefix: {
      type: 'string',
      pattern: '^[a-z][a-z0-9-]*$',
      maxLength: 20,
    },
    highlyAvailable: { type: 'boolean', default: false },
    encrypted: { type: 'boolean' },
    ratio: { type: 'number', minimum: 0.5 },
    tags: { type: 'object', additionalProperties: { type: 'string' } },
  },
};

describe('parameterFields', () => {
  it('reads each parameter as a field, required ones first', () => {
    const fields = parameterFields(schema);
    expect(fields.map(f => [f.name, f.type, f.required])).toEqual([
      ['size', 'enum', true],
      ['storageGB', 'integer', true],
      ['encrypted', 'boolean', true],
      ['engineVersion', 'enum', false],
      ['bucketPrefix', 'string', false],
      ['highlyAvailable', 'boolean', false],
      ['ratio', 'number', false],
      ['tags', 'json', false],
    ]);
    expect(fields[0]).toMatchObject({
      title: 'Size',
      description: 'Instance size',
      options: ['small', 'medium', 'large'],
    });
    expect(fields[1]).toMatchObject({
      title: 'Storage GB',
      minimum: 20,
      maximum: 1000,
    });
  });

  it('has no fields for a schema without properties', () => {
    expect(parameterFields({ type: 'object' })).toEqual([]);
    expect(parameterFields(undefined)).toEqual([]);
  });

  it('starts from the schema defaults, and an unticked box for a required boolean', () => {
    expect(initialParameters(parameterFields(schema))).toEqual({
      engineVersion: '16',
      highlyAvailable: false,
      encrypted: false,
    });
  });
});

describe('parameterProblems', () => {
  const fields = parameterFields(schema);

  it('accepts good values', () => {
    expect(
      parameterProblems(fields, {
        size: 'small',
        storageGB: 20,
        encrypted: true,
        bucketPrefix: 'orders',
        ratio: 0.5,
        tags: { team: 'payments' },
      }),
    ).toEqual({});
  });

  it('names each bad field with what is wrong', () => {
    expect(
      parameterProblems(fields, {
        size: 'huge',
        storageGB: 5000,
        engineVersion: '9',
        bucketPrefix: 'Orders!',
        highlyAvailable: 'yes',
        ratio: 0.1,
        encrypted: false,
        tags: '{"team": ',
        region: 'eu-west-1',
      }),
    ).toEqual({
      region: 'is not a parameter of this XRD',
      tags: 'must be valid JSON',
      size: 'must be one of small, medium, large',
      storageGB: 'must be at most 1000',
      engineVersion: 'must be one of 15, 16, 17',
      bucketPrefix: 'must match ^[a-z][a-z0-9-]*$',
      highlyAvailable: 'must be true or false',
      ratio: 'must be at least 0.5',
    });
  });

  it('says a required field is missing, and a number is not whole or not a number', () => {
    expect(parameterProblems(fields, {})).toEqual({
      size: 'is required',
      storageGB: 'is required',
      encrypted: 'is required',
    });
    const ok = { size: 'small', encrypted: false };
    expect(parameterProblems(fields, { ...ok, storageGB: 20.5 })).toEqual({
      storageGB: 'must be a whole number',
    });
    expect(parameterProblems(fields, { ...ok, storageGB: 'lots' })).toEqual({
      storageGB: 'must be a number',
    });
    expect(
      parameterProblems(fields, { ...ok, storageGB: 20, tags: ['a'] }),
    ).toEqual({ tags: 'must be a JSON object' });
  });
});

describe('parameterProblems, the rest of each field type', () => {
  const fields = parameterFields({
    type: 'object',
    required: ['name'],
    properties: {
      name: { type: 'string', minLength: 3, maxLength: 8 },
      // JavaScript cannot read this pattern: the cluster's check decides.
      label: { type: 'string', pattern: '(?<unclosed' },
      zones: { type: 'array', items: { type: 'string' } },
      note: { type: 'string' },
      replicas: { type: 'integer' },
    },
  });

  it('checks text length, lists and numbers, and skips an unreadable pattern', () => {
    expect(parameterProblems(fields, { name: 'db' })).toEqual({
      name: 'must be at least 3 characters',
    });
    expect(
      parameterProblems(fields, {
        name: 'far-too-long',
        label: 'anything',
        zones: { a: 1 },
        replicas: Number.NaN,
      }),
    ).toEqual({
      name: 'must be at most 8 characters',
      zones: 'must be a JSON list',
      replicas: 'must be a number',
    });
    expect(parameterProblems(fields, { name: 42, zones: '["a"' })).toEqual({
      name: 'must be text',
      zones: 'must be valid JSON',
    });
  });

  it('reads an emptied optional input as no value, and an emptied required one as missing', () => {
    expect(parameterProblems(fields, { name: 'orders', note: '' })).toEqual({});
    expect(parameterProblems(fields, { name: '' })).toEqual({
      name: 'is required',
    });
  });
});
