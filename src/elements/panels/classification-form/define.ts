import { canDefine } from '../../base/define-element.js';
import { LkClassificationForm } from './lk-classification-form.js';

if (canDefine('lk-classification-form')) customElements.define('lk-classification-form', LkClassificationForm);

declare global {
  interface HTMLElementTagNameMap {
    'lk-classification-form': LkClassificationForm;
  }
}

export { LkClassificationForm };
