{{%AUTOESCAPE context="HTML"}}{{#NEW}}<h1>Post an offer or a request</h1>
<p>An offer says what you can do for other members; a request says what you would like help with. Your ad is shown in the directory until its expiry date; you can renew it from <a href="/ads/mine">My offers and requests</a>.</p>{{/NEW}}
{{#EDIT}}<h1>Edit an ad</h1>
<p>The ad of <strong>{{AD_OWNER_NAME}}</strong> ({{AD_OWNER_USERNAME}}). <a href="/ads/{{AD_ID}}">Back to the ad</a>.</p>{{/EDIT}}
{{#FORM_ERRORS}}{{>FORM_ERROR_SUMMARY}}{{/FORM_ERRORS}}
<form method="post" action="{{ACTION}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#FOR_FIELD}}<label for="for">For another member <span class="hint">(their username; leave empty for your own ad)</span></label>
<input type="text" id="for" name="for" value="{{FOR}}" autocapitalize="none" spellcheck="false"{{#FOR_INVALID}} aria-invalid="true" aria-describedby="for-error"{{/FOR_INVALID}}>
{{#FOR_INVALID}}<p class="field-error" id="for-error">{{FOR_ERROR}}</p>{{/FOR_INVALID}}{{/FOR_FIELD}}
<fieldset id="kind"{{#KIND_INVALID}} aria-describedby="kind-error"{{/KIND_INVALID}}>
<legend>Kind of ad</legend>
<label for="kind-offer"><input type="radio" id="kind-offer" name="kind" value="offer" required{{#KIND_OFFER_CHECKED}} checked{{/KIND_OFFER_CHECKED}}> Offer: I can help with this</label>
<label for="kind-request"><input type="radio" id="kind-request" name="kind" value="request"{{#KIND_REQUEST_CHECKED}} checked{{/KIND_REQUEST_CHECKED}}> Request: I would like help with this</label>
{{#KIND_INVALID}}<p class="field-error" id="kind-error">{{KIND_ERROR}}</p>{{/KIND_INVALID}}
</fieldset>
<label for="title">Title <span class="hint">(up to 120 characters)</span></label>
<input type="text" id="title" name="title" value="{{TITLE}}" maxlength="120" required{{#TITLE_INVALID}} aria-invalid="true" aria-describedby="title-error"{{/TITLE_INVALID}}>
{{#TITLE_INVALID}}<p class="field-error" id="title-error">{{TITLE_ERROR}}</p>{{/TITLE_INVALID}}
<label for="description">Description</label>
<textarea id="description" name="description" rows="6"{{#DESCRIPTION_INVALID}} aria-invalid="true" aria-describedby="description-error"{{/DESCRIPTION_INVALID}}>{{DESCRIPTION}}</textarea>
{{#DESCRIPTION_INVALID}}<p class="field-error" id="description-error">{{DESCRIPTION_ERROR}}</p>{{/DESCRIPTION_INVALID}}
<label for="category">Category</label>
<select id="category" name="category" required{{#CATEGORY_INVALID}} aria-invalid="true" aria-describedby="category-error"{{/CATEGORY_INVALID}}>
<option value="">Choose a category</option>
{{#CATEGORY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/CATEGORY_OPTION}}</select>
{{#CATEGORY_INVALID}}<p class="field-error" id="category-error">{{CATEGORY_ERROR}}</p>{{/CATEGORY_INVALID}}
<label for="community">Community Timebank <span class="hint">(an ad is shown in its owner's own Community Timebank, or in none)</span></label>
<select id="community" name="community"{{#COMMUNITY_INVALID}} aria-invalid="true" aria-describedby="community-error"{{/COMMUNITY_INVALID}}>
{{#NEW}}<option value="own"{{#COMMUNITY_OWN_SELECTED}} selected{{/COMMUNITY_OWN_SELECTED}}>The owner's own Community Timebank</option>
{{/NEW}}<option value=""{{#COMMUNITY_NONE_SELECTED}} selected{{/COMMUNITY_NONE_SELECTED}}>No particular community</option>
{{#COMMUNITY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/COMMUNITY_OPTION}}</select>
{{#COMMUNITY_INVALID}}<p class="field-error" id="community-error">{{COMMUNITY_ERROR}}</p>{{/COMMUNITY_INVALID}}
<label for="expires_on">Show it until <span class="hint">(a date after today, at most a year ahead)</span></label>
<input type="date" id="expires_on" name="expires_on" value="{{EXPIRES_ON}}" min="{{MIN_DATE}}" max="{{MAX_DATE}}" required{{#EXPIRES_ON_INVALID}} aria-invalid="true" aria-describedby="expires_on-error"{{/EXPIRES_ON_INVALID}}>
{{#EXPIRES_ON_INVALID}}<p class="field-error" id="expires_on-error">{{EXPIRES_ON_ERROR}}</p>{{/EXPIRES_ON_INVALID}}
<div class="actions"><button type="submit">{{#NEW}}Post the ad{{/NEW}}{{#EDIT}}Save the ad{{/EDIT}}</button></div>
</form>
