import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import { XrdParametersField } from './XrdParametersField';
import { XrdPickerField } from './XrdPickerField';
import { xrdParametersValidation } from './validation';

/** `ui:field: PavedXrdPicker` for the new frontend system. */
export const xrdPickerFormField = createFormField({
  name: 'PavedXrdPicker',
  component: XrdPickerField,
});

/** `ui:field: PavedXrdParameters` for the new frontend system. */
export const xrdParametersFormField = createFormField({
  name: 'PavedXrdParameters',
  component: XrdParametersField,
  validation: xrdParametersValidation,
});
