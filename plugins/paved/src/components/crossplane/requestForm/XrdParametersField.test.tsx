import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import type { XrdOffer, XrdOffersResponse } from '@paved/plugin-paved-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { pavedCrossplaneApiRef } from '../../../api';
import { xrdParametersValidation } from './validation';
import { XrdParametersField } from './XrdParametersField';
import { XrdPickerField } from './XrdPickerField';

const database: XrdOffer = {
  name: 'xpostgresqlinstances.platform.paved.dev',
  title: 'PostgreSQL database',
  description: 'A managed PostgreSQL instance',
  group: 'platform.paved.dev',
  version: 'v1alpha1',
  apiVersion: 'platform.paved.dev/v1alpha1',
  kind: 'PostgreSQLInstance',
  style: 'v1-claim',
  established: true,
  parametersWrapped: true,
  parameters: {
    type: 'object',
    required: ['size', 'storageGB'],
    properties: {
      size: { type: 'string', enum: ['small', 'medium', 'large'] },
      storageGB: { type: 'integer', minimum: 20, maximum: 1000, default: 20 },
    },
  },
};
const bucket: XrdOffer = {
  ...database,
  name: 'xbuckets.platform.paved.dev',
  title: 'S3 bucket',
  kind: 'Bucket',
  established: false,
  parameters: { type: 'object' },
};
const offers: XrdOffersResponse = {
  cluster: 'paved-local',
  crossplane: true,
  offers: [database, bucket],
};

function api(response: XrdOffersResponse | Error = offers) {
  const getXrdOffers = jest.fn(async (_cluster: string) => {
    if (response instanceof Error) throw response;
    return response;
  });
  return { getXrdOffers, getEntityClaims: jest.fn() };
}

/** The field as the scaffolder form holds it: its value, and the form's other values. */
function Harness(props: {
  Field: typeof XrdParametersField | typeof XrdPickerField;
  form: Record<string, unknown>;
  initial?: unknown;
  seen?: unknown[];
}) {
  const [value, setValue] = useState<any>(props.initial);
  const Field = props.Field as any;
  return (
    <Field
      formData={value}
      onChange={(v: unknown) => {
        props.seen?.push(v);
        setValue(v);
      }}
      schema={{ title: 'Parameters' }}
      uiSchema={{}}
      formContext={{ formData: props.form }}
      required
      rawErrors={[]}
    />
  );
}

const render = (element: JSX.Element, client: ReturnType<typeof api> = api()) =>
  renderInTestApp(
    <TestApiProvider apis={[[pavedCrossplaneApiRef, client]]}>
      {element}
    </TestApiProvider>,
  );

describe('XrdParametersField', () => {
  it("builds fields from the chosen XRD's schema, starting from its defaults", async () => {
    const seen: unknown[] = [];
    const client = api();
    await render(
      <Harness
        Field={XrdParametersField}
        form={{ cluster: 'paved-local', xrd: database.name }}
        seen={seen}
      />,
      client,
    );
    expect(
      await screen.findByRole('group', { name: /PostgreSQL database/ }),
    ).toBeInTheDocument();
    expect(client.getXrdOffers).toHaveBeenCalledWith('paved-local');
    expect(seen[0]).toEqual({ storageGB: 20 });
    expect(screen.getByText('20 to 1000')).toBeInTheDocument();

    const storage = screen.getByRole('spinbutton', { name: 'Storage GB' });
    // The help text describes its input, for screen readers too.
    expect(storage).toHaveAccessibleDescription('20 to 1000');
    fireEvent.change(storage, { target: { value: '5000' } });
    expect(
      await screen.findByText('Storage GB must be at most 1000'),
    ).toBeInTheDocument();
    fireEvent.change(storage, { target: { value: '40' } });
    expect(seen[seen.length - 1]).toEqual({ storageGB: 40 });

    // The enum is a choice of the XRD's values.
    fireEvent.mouseDown(screen.getByRole('button', { name: /Size/ }));
    fireEvent.click(
      within(await screen.findByRole('listbox')).getByText('medium'),
    );
    expect(seen[seen.length - 1]).toEqual({ storageGB: 40, size: 'medium' });
  });

  it("starts again from the new XRD's defaults when another XRD is chosen", async () => {
    const seen: unknown[] = [];
    const other: XrdOffer = {
      ...database,
      name: 'xcaches.platform.paved.dev',
      title: 'Cache',
      parameters: {
        type: 'object',
        properties: { nodes: { type: 'integer', default: 1 } },
      },
    };
    const client = api({ ...offers, offers: [database, other] });
    function Switcher() {
      const [xrd, setXrd] = useState(database.name);
      return (
        <>
          <button onClick={() => setXrd(other.name)}>switch</button>
          <Harness
            Field={XrdParametersField}
            form={{ cluster: 'paved-local', xrd }}
            seen={seen}
          />
        </>
      );
    }
    await render(<Switcher />, client);
    await screen.findByRole('spinbutton', { name: 'Storage GB' });
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Storage GB' }), {
      target: { value: '40' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'switch' }));
    expect(
      await screen.findByRole('spinbutton', { name: 'Nodes' }),
    ).toHaveValue(1);
    expect(seen[seen.length - 1]).toEqual({ nodes: 1 });
  });

  it('asks for a cluster and a type first, without calling the backend for nothing', async () => {
    const client = api();
    await render(
      <Harness Field={XrdParametersField} form={{ cluster: 'paved-local' }} />,
      client,
    );
    expect(
      screen.getByText(/Choose a cluster and what to request first/),
    ).toBeInTheDocument();
  });

  it('says what is wrong: not offered, no Crossplane, no parameters, a failing backend', async () => {
    const form = { cluster: 'paved-local', xrd: 'nothing.example.org' };
    const { unmount } = await render(
      <Harness Field={XrdParametersField} form={form} />,
    );
    expect(
      await screen.findByText(
        'nothing.example.org is not offered on cluster paved-local.',
      ),
    ).toBeInTheDocument();
    unmount();

    const none = await render(
      <Harness Field={XrdParametersField} form={form} />,
      api({
        cluster: 'paved-local',
        crossplane: false,
        offers: [],
        message: 'Crossplane is not installed on paved-local',
      }),
    );
    expect(
      await screen.findByText('Crossplane is not installed on paved-local'),
    ).toBeInTheDocument();
    none.unmount();

    const empty = await render(
      <Harness
        Field={XrdParametersField}
        form={{ cluster: 'paved-local', xrd: bucket.name }}
      />,
    );
    expect(
      await screen.findByText('S3 bucket takes no parameters.'),
    ).toBeInTheDocument();
    empty.unmount();

    await render(
      <Harness Field={XrdParametersField} form={form} />,
      api(
        new Error(
          'You are not allowed to read what cluster paved-local offers',
        ),
      ),
    );
    expect(
      await screen.findByText(/not allowed to read what cluster paved-local/),
    ).toBeInTheDocument();
  });
});

describe('XrdPickerField', () => {
  it('lists what the cluster offers, saying which is not established yet', async () => {
    const seen: unknown[] = [];
    await render(
      <Harness
        Field={XrdPickerField}
        form={{ cluster: 'paved-local' }}
        seen={seen}
      />,
    );
    fireEvent.mouseDown(
      await screen.findByRole('button', { name: /Parameters/ }),
    );
    const list = within(await screen.findByRole('listbox'));
    expect(
      list.getByText('PostgreSQL database (PostgreSQLInstance)'),
    ).toBeInTheDocument();
    fireEvent.click(
      list.getByText(/S3 bucket \(Bucket, not established yet\)/),
    );
    expect(seen).toEqual([bucket.name]);
  });

  it('clears a choice the cluster does not offer', async () => {
    const seen: unknown[] = [];
    await render(
      <Harness
        Field={XrdPickerField}
        form={{ cluster: 'paved-local' }}
        initial="gone.example.org"
        seen={seen}
      />,
    );
    await screen.findByRole('button', { name: /Parameters/ });
    await waitFor(() => expect(seen).toEqual([undefined]));
  });

  it('asks for a cluster first', async () => {
    await render(<Harness Field={XrdPickerField} form={{}} />);
    expect(
      screen.getByText('Choose a cluster first: the types come from it.'),
    ).toBeInTheDocument();
  });
});

describe('xrdParametersValidation', () => {
  const validate = async (
    data: Record<string, unknown>,
    xrd = database.name,
  ) => {
    const errors: string[] = [];
    await xrdParametersValidation(
      data,
      { addError: (e: string) => errors.push(e) } as any,
      {
        apiHolder: { get: () => api() } as any,
        formData: { cluster: 'paved-local', xrd },
        schema: {},
      },
    );
    return errors;
  };

  it('names each bad parameter before the step is left', async () => {
    expect(await validate({ size: 'small', storageGB: 40 })).toEqual([]);
    expect(await validate({ storageGB: 5000, region: 'eu' })).toEqual([
      'region is not a parameter of this XRD',
      'Size is required',
      'Storage GB must be at most 1000',
    ]);
    expect(await validate({}, 'nothing.example.org')).toEqual([
      'nothing.example.org is not offered on cluster paved-local',
    ]);
  });
});
