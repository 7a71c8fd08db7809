{{%AUTOESCAPE context="HTML"}}{{#PHONE_FIELD}}<label for="phone">[[account.field.phone]]{{#OPTIONAL}} <span class="hint">[[signup.field.optional]]</span>{{/OPTIONAL}}</label>
<input type="tel" id="phone" name="phone" value="{{PHONE}}" maxlength="40" autocomplete="tel"{{#REQUIRED}} required{{/REQUIRED}}{{#PHONE_INVALID}} aria-invalid="true" aria-describedby="phone-error"{{/PHONE_INVALID}}>
{{#PHONE_INVALID}}<p class="field-error" id="phone-error">{{PHONE_ERROR}}</p>{{/PHONE_INVALID}}
{{/PHONE_FIELD}}{{#ADDRESS_FIELD}}<label for="address">[[account.field.address]]{{#OPTIONAL}} <span class="hint">[[signup.field.optional]]</span>{{/OPTIONAL}}</label>
<input type="text" id="address" name="address" value="{{ADDRESS}}" maxlength="255" autocomplete="street-address"{{#REQUIRED}} required{{/REQUIRED}}{{#ADDRESS_INVALID}} aria-invalid="true" aria-describedby="address-error"{{/ADDRESS_INVALID}}>
{{#ADDRESS_INVALID}}<p class="field-error" id="address-error">{{ADDRESS_ERROR}}</p>{{/ADDRESS_INVALID}}
{{/ADDRESS_FIELD}}{{#LIST_FIELD}}<label for="{{FIELD}}">{{LABEL}}{{#OPTIONAL}} <span class="hint">[[signup.field.optional]]</span>{{/OPTIONAL}}</label>
<select id="{{FIELD}}" name="{{FIELD}}"{{#REQUIRED}} required{{/REQUIRED}}{{#INVALID}} aria-invalid="true" aria-describedby="{{FIELD}}-error"{{/INVALID}}><option value="">[[signup.field.list_none]]</option>{{#OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/OPTION}}</select>
{{#INVALID}}<p class="field-error" id="{{FIELD}}-error">{{ERROR}}</p>{{/INVALID}}
{{/LIST_FIELD}}{{#BIRTH_DATE_FIELD}}<label for="birth_date">[[signup.field.birth_date]]{{#OPTIONAL}} <span class="hint">[[signup.field.optional]]</span>{{/OPTIONAL}}</label>
<input type="date" id="birth_date" name="birth_date" value="{{BIRTH_DATE}}" autocomplete="bday"{{#REQUIRED}} required{{/REQUIRED}}{{#BIRTH_DATE_INVALID}} aria-invalid="true" aria-describedby="birth_date-error"{{/BIRTH_DATE_INVALID}}>
{{#BIRTH_DATE_INVALID}}<p class="field-error" id="birth_date-error">{{BIRTH_DATE_ERROR}}</p>{{/BIRTH_DATE_INVALID}}
{{/BIRTH_DATE_FIELD}}{{#HEARD_ABOUT_FIELD}}<label for="heard_about">[[signup.field.heard_about]]{{#OPTIONAL}} <span class="hint">[[signup.field.optional]]</span>{{/OPTIONAL}}</label>
<input type="text" id="heard_about" name="heard_about" value="{{HEARD_ABOUT}}" maxlength="255"{{#REQUIRED}} required{{/REQUIRED}}{{#HEARD_ABOUT_INVALID}} aria-invalid="true" aria-describedby="heard_about-error"{{/HEARD_ABOUT_INVALID}}>
{{#HEARD_ABOUT_INVALID}}<p class="field-error" id="heard_about-error">{{HEARD_ABOUT_ERROR}}</p>{{/HEARD_ABOUT_INVALID}}
{{/HEARD_ABOUT_FIELD}}{{#QUESTION}}<label for="{{FIELD}}">{{TEXT}}{{#OPTIONAL}} <span class="hint">[[signup.field.optional]]</span>{{/OPTIONAL}}</label>
{{#IS_TEXT}}<input type="text" id="{{FIELD}}" name="{{FIELD}}" value="{{VALUE}}" maxlength="1000"{{#REQUIRED}} required{{/REQUIRED}}{{#INVALID}} aria-invalid="true" aria-describedby="{{FIELD}}-error"{{/INVALID}}>{{/IS_TEXT}}
{{#IS_CHOICE}}<select id="{{FIELD}}" name="{{FIELD}}"{{#REQUIRED}} required{{/REQUIRED}}{{#INVALID}} aria-invalid="true" aria-describedby="{{FIELD}}-error"{{/INVALID}}><option value="">[[signup.field.choose]]</option>{{#OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/OPTION}}</select>{{/IS_CHOICE}}
{{#INVALID}}<p class="field-error" id="{{FIELD}}-error">{{ERROR}}</p>{{/INVALID}}
{{/QUESTION}}{{#TERMS_FIELD}}<div class="check"><input type="checkbox" id="terms" name="terms" value="1"{{#TERMS_CHECKED}} checked{{/TERMS_CHECKED}}{{#REQUIRED}} required{{/REQUIRED}}{{#TERMS_INVALID}} aria-invalid="true" aria-describedby="terms-error"{{/TERMS_INVALID}}>
<label for="terms">[[signup.field.terms_before]] <a href="/terms">[[signup.field.terms_link]]</a>{{#OPTIONAL}} <span class="hint">[[signup.field.optional]]</span>{{/OPTIONAL}}</label></div>
{{#TERMS_INVALID}}<p class="field-error" id="terms-error">{{TERMS_ERROR}}</p>{{/TERMS_INVALID}}
{{/TERMS_FIELD}}
