{{%AUTOESCAPE context="HTML"}}{{#NEW}}<h1>[[ads.title.new]]</h1>
<p>[[ads.form.intro]] <a href="/ads/mine">[[ads.title.mine]]</a>.</p>{{/NEW}}
{{#EDIT}}<h1>[[ads.title.edit]]</h1>
<p>[[ads.form.owner]] <strong>{{AD_OWNER_NAME}}</strong> ({{AD_OWNER_USERNAME}}). <a href="/ads/{{AD_ID}}">[[ads.form.back]]</a>.</p>{{/EDIT}}
{{#FORM_ERRORS}}{{>FORM_ERROR_SUMMARY}}{{/FORM_ERRORS}}
<form method="post" action="{{ACTION}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#FOR_FIELD}}<label for="for">[[ads.form.for]] <span class="hint">[[ads.form.for_hint]]</span></label>
<input type="text" id="for" name="for" value="{{FOR}}" autocapitalize="none" spellcheck="false"{{#FOR_INVALID}} aria-invalid="true" aria-describedby="for-error"{{/FOR_INVALID}}>
{{#FOR_INVALID}}<p class="field-error" id="for-error">{{FOR_ERROR}}</p>{{/FOR_INVALID}}{{/FOR_FIELD}}
<fieldset id="kind"{{#KIND_INVALID}} aria-describedby="kind-error"{{/KIND_INVALID}}>
<legend>[[ads.form.kind]]</legend>
<label><input type="radio" id="kind-offer" name="kind" value="offer" required{{#KIND_OFFER_CHECKED}} checked{{/KIND_OFFER_CHECKED}}> [[ads.form.kind_offer]]</label>
<label><input type="radio" id="kind-request" name="kind" value="request"{{#KIND_REQUEST_CHECKED}} checked{{/KIND_REQUEST_CHECKED}}> [[ads.form.kind_request]]</label>
{{#KIND_INVALID}}<p class="field-error" id="kind-error">{{KIND_ERROR}}</p>{{/KIND_INVALID}}
</fieldset>
<label for="title">[[ads.field.title]] <span class="hint">[[ads.form.title_hint]]</span></label>
<input type="text" id="title" name="title" value="{{TITLE}}" maxlength="120" required{{#TITLE_INVALID}} aria-invalid="true" aria-describedby="title-error"{{/TITLE_INVALID}}>
{{#TITLE_INVALID}}<p class="field-error" id="title-error">{{TITLE_ERROR}}</p>{{/TITLE_INVALID}}
<label for="description">[[ads.field.description]]</label>
<textarea id="description" name="description" rows="6"{{#DESCRIPTION_INVALID}} aria-invalid="true" aria-describedby="description-error"{{/DESCRIPTION_INVALID}}>{{DESCRIPTION:pre_escape}}</textarea>
{{#DESCRIPTION_INVALID}}<p class="field-error" id="description-error">{{DESCRIPTION_ERROR}}</p>{{/DESCRIPTION_INVALID}}
<label for="category">[[ads.field.category]]</label>
<select id="category" name="category" required{{#CATEGORY_INVALID}} aria-invalid="true" aria-describedby="category-error"{{/CATEGORY_INVALID}}>
<option value="">[[ads.form.choose_category]]</option>
{{#CATEGORY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/CATEGORY_OPTION}}</select>
{{#CATEGORY_INVALID}}<p class="field-error" id="category-error">{{CATEGORY_ERROR}}</p>{{/CATEGORY_INVALID}}
<label for="community">[[ads.field.community]] <span class="hint">[[ads.form.community_hint]]</span></label>
<select id="community" name="community"{{#COMMUNITY_INVALID}} aria-invalid="true" aria-describedby="community-error"{{/COMMUNITY_INVALID}}>
{{#NEW}}<option value="own"{{#COMMUNITY_OWN_SELECTED}} selected{{/COMMUNITY_OWN_SELECTED}}>[[ads.form.community_own]]</option>
{{/NEW}}<option value=""{{#COMMUNITY_NONE_SELECTED}} selected{{/COMMUNITY_NONE_SELECTED}}>[[ads.form.community_none]]</option>
{{#COMMUNITY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/COMMUNITY_OPTION}}</select>
{{#COMMUNITY_INVALID}}<p class="field-error" id="community-error">{{COMMUNITY_ERROR}}</p>{{/COMMUNITY_INVALID}}
<label for="expires_on">[[ads.form.expires]] <span class="hint">[[ads.form.expires_hint]]</span></label>
<input type="date" id="expires_on" name="expires_on" value="{{EXPIRES_ON}}" min="{{MIN_DATE}}" max="{{MAX_DATE}}" required{{#EXPIRES_ON_INVALID}} aria-invalid="true" aria-describedby="expires_on-error"{{/EXPIRES_ON_INVALID}}>
{{#EXPIRES_ON_INVALID}}<p class="field-error" id="expires_on-error">{{EXPIRES_ON_ERROR}}</p>{{/EXPIRES_ON_INVALID}}
<div class="actions"><button type="submit">{{#NEW}}[[ads.form.post]]{{/NEW}}{{#EDIT}}[[ads.form.save]]{{/EDIT}}</button></div>
</form>
