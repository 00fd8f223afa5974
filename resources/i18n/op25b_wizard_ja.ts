<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name></name>
    <message>
        <location filename="../../op25b_wizard/cli/diagnose.py" line="+98"/>
        <location line="+53"/>
        <location line="+3"/>
        <location line="+5"/>
        <location line="+2"/>
        <location line="+17"/>
        <location line="+8"/>
        <location line="+7"/>
        <location line="+22"/>
        <location line="+23"/>
        <location line="+5"/>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+9"/>
        <location line="+9"/>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+2"/>
        <location line="+3"/>
        <location line="+3"/>
        <location line="+2"/>
        <location line="+12"/>
        <location line="+14"/>
        <location line="+3"/>
        <location line="+6"/>
        <location line="+1"/>
        <location line="+3"/>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+7"/>
        <location line="+3"/>
        <location filename="../../op25b_wizard/cli/export.py" line="+89"/>
        <location line="+8"/>
        <location line="+23"/>
        <location line="+3"/>
        <location line="+3"/>
        <location line="+4"/>
        <location line="+5"/>
        <location line="+30"/>
        <location line="+9"/>
        <location line="+32"/>
        <location filename="../../op25b_wizard/cli/lookup.py" line="+78"/>
        <location filename="../../op25b_wizard/cli/password.py" line="+87"/>
        <location line="+4"/>
        <location line="+3"/>
        <location line="+10"/>
        <location line="+4"/>
        <location line="+10"/>
        <location line="+8"/>
        <location line="+25"/>
        <location line="+3"/>
        <location line="+21"/>
        <source>Cli</source>
        <translation>Cli</translation>
    </message>
    <message>
        <location filename="../../op25b_wizard/cli/lookup.py" line="+16"/>
        <location line="+18"/>
        <location line="+6"/>
        <location line="+5"/>
        <location line="+3"/>
        <location line="+4"/>
        <location line="+7"/>
        <location line="+3"/>
        <source>Lookup</source>
        <translation>Lookup</translation>
    </message>
    <message>
        <location filename="../../op25b_wizard/i18n/__init__.py" line="+111"/>
        <source>OsError</source>
        <translation>OsError</translation>
    </message>
</context>
<context>
    <name>AccountPage</name>
    <message>
        <location filename="../../op25b_wizard/gui/page_account.py" line="+185"/>
        <source>Enter my e-mail address</source>
        <translation>メールアドレスを入力する</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{email}
{client} · sends through {host}, port {port}</source>
        <translation>{email}
{client} · 送信サーバー {host}、ポート {port}</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Now in {client}</source>
        <translation>現在の {client} の設定</translation>
    </message>
    <message>
        <location line="+211"/>
        <source>This is not a server name. It looks like smtp.example.co.jp.</source>
        <translation>サーバー名ではありません。サーバー名は smtp.example.co.jp のような形です。</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Looking up the settings for {domain}…</source>
        <translation>{domain} の設定を調べています…</translation>
    </message>
    <message>
        <location line="-238"/>
        <source>{email}
{client} · managed by your organisation (not changed here)</source>
        <translation>{email}
{client} · 組織が管理 (ここでは変更しません)</translation>
    </message>
    <message>
        <location line="+240"/>
        <source>Stopped. Enter the outgoing server yourself, or press Next to look again.</source>
        <translation>中止しました。送信サーバーを入力するか、［次へ］を押してもう一度調べてください。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Enter the outgoing server from your provider&apos;s letter or web page.</source>
        <translation>プロバイダーからの書類や Web ページを見て、送信サーバーを入力してください。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The settings for this address could not be checked (no network?). Enter the outgoing server from your provider&apos;s letter or web page, or check the connection and press Next to look again.</source>
        <translation>このアドレスの設定を確認できませんでした (ネットワークにつながっていないかもしれません)。プロバイダーからの書類や Web ページを見て送信サーバーを入力するか、接続を確かめてから［次へ］を押してもう一度調べてください。</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+18"/>
        <source>Your e-mail address</source>
        <translation>メールアドレス</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Pick the address you send mail from.</source>
        <translation>メールを送信するアドレスを選んでください。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which e-mail address do you want to set up?</source>
        <translation>どのメールアドレスを設定しますか？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Looking for mail programs on this computer…</source>
        <translation>このコンピューターのメールソフトを探しています…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The mail programs on this computer could not be read: {reason}</source>
        <translation>このコンピューターのメールソフトの設定を読み取れませんでした: {reason}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No mail program was found on this computer. Enter your e-mail address instead.</source>
        <translation>このコンピューターにはメールソフトが見つかりませんでした。メールアドレスを入力してください。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Found in the mail programs on this computer.</source>
        <translation>このコンピューターのメールソフトで見つかったアドレスです。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>E-mail addresses</source>
        <translation>メールアドレスの一覧</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;E-mail address:</source>
        <translation>メールアドレス（&amp;E）:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E-mail address</source>
        <translation>メールアドレス</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Outgoing server:</source>
        <translation>送信サーバー（&amp;O）:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outgoing server</source>
        <translation>送信サーバー</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Stop looking</source>
        <translation>検索を中止（&amp;S）</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>The settings for this address were not found. Enter the outgoing server from your provider&apos;s letter or web page.</source>
        <translation>このアドレスの設定は見つかりませんでした。プロバイダーからの書類や Web ページを見て、送信サーバーを入力してください。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This server name was found through a source that is not protected. Check it against your provider&apos;s letter or web page, then press Next.</source>
        <translation>このサーバー名は、保護されていない情報源から見つかったものです。プロバイダーからの書類や Web ページと照らし合わせて確認してから、［次へ］を押してください。</translation>
    </message>
</context>
<context>
    <name>ApplyPage</name>
    <message>
        <location filename="../../op25b_wizard/gui/page_apply.py" line="+34"/>
        <source>Settings sheet (PDF)</source>
        <translation>設定シート（PDF）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF ファイル (*.pdf)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print the settings sheet…</source>
        <translation>設定シートを印刷…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For Thunderbird on other computers</source>
        <translation>ほかのコンピューターの Thunderbird 用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Autoconfig files (*.xml)</source>
        <translation>Autoconfig ファイル (*.xml)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For iPhone, iPad and Mac</source>
        <translation>iPhone、iPad、Mac 用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apple profiles (*.mobileconfig)</source>
        <translation>Apple 構成プロファイル (*.mobileconfig)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For Outlook (Autodiscover)</source>
        <translation>Outlook 用（Autodiscover）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Autodiscover files (*.xml)</source>
        <translation>Autodiscover ファイル (*.xml)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For msmtp (Linux, Mac)</source>
        <translation>msmtp 用（Linux、Mac）</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+232"/>
        <source>All files (*)</source>
        <translation>すべてのファイル (*)</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Save the settings in {client}</source>
        <translation>{client} に設定を保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A copy of the old settings is kept, so you can undo.</source>
        <translation>元の設定のコピーを残すので、元に戻すことができます。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the settings in your mail program</source>
        <translation>メールソフトに設定を入力</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Or hand them on as a file or a printed sheet.</source>
        <translation>ファイルや印刷したシートで渡すこともできます。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Keep or share the settings</source>
        <translation>設定の保存と共有</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For your other devices, your helpdesk, or on paper:</source>
        <translation>ほかの機器用、ヘルプデスク用、または紙で:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Change in {client}</source>
        <translation>{client} の変更内容</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reading the settings of {client}…</source>
        <translation>{client} の設定を読み取っています…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The password is not changed here: Outlook asks for it once, the next time it sends. Type it there and let Outlook save it.</source>
        <translation>パスワードはここでは変更しません。次に送信するときに Outlook が一度だけたずねますので、そこで入力して Outlook に保存させてください。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Apply to {client}</source>
        <translation>{client} に適用（&amp;A）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Undo</source>
        <translation>元に戻す（&amp;U）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Go on &amp;without changing {client}</source>
        <translation>{client} を変更せずに進む（&amp;W）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nothing is changed until you press Apply and continue.</source>
        <translation>［適用して次へ］を押すまで、何も変更されません。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Close {client} first: it is still running and would undo the change when it closes. Then press Apply and continue again.</source>
        <translation>先に {client} を終了してください。起動したままだと、終了するときに変更が元に戻ってしまいます。終了したら、もう一度［適用して次へ］を押してください。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Done. {client} now uses the new settings. A copy of the old ones is kept: Undo puts them back.</source>
        <translation>完了しました。{client} は新しい設定を使用します。元の設定は控えてあり、［元に戻す］で戻せます。</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Saving…</source>
        <translation>保存しています…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{client} already has these settings.</source>
        <translation>{client} はすでにこの設定になっています。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Undone: {client} has its old settings again.</source>
        <translation>元に戻しました。{client} は元の設定に戻りました。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Undone, except what was changed in {client} after the change was applied:</source>
        <translation>元に戻しました。ただし、変更を適用した後に {client} で変更された次の値は、そのままにしました:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Apply and co&amp;ntinue &gt;</source>
        <translation>適用して次へ(&amp;N) &gt;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Your outgoing server settings</source>
        <translation>送信サーバーの設定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In your mail program, open the outgoing server (SMTP) settings and enter:</source>
        <translation>メールソフトで送信サーバー（SMTP）の設定を開き、次のとおり入力してください:</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Not saved: {reason}</source>
        <translation>保存できませんでした: {reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sent to the printer.</source>
        <translation>プリンターに送信しました。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saved: {path}</source>
        <translation>保存しました: {path}</translation>
    </message>
</context>
<context>
    <name>Becky</name>
    <message>
        <location filename="../../op25b_wizard/core/clients/wording.py" line="+34"/>
        <location line="+5"/>
        <source>off</source>
        <translation>オフ</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>on</source>
        <translation>オン</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>on (LOGIN / PLAIN)</source>
        <translation>オン（LOGIN / PLAIN）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>on (CRAM-MD5)</source>
        <translation>オン（CRAM-MD5）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>on (OAuth2)</source>
        <translation>オン（OAuth2）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>on (automatic)</source>
        <translation>オン（自動）</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>SMTP server: {before} → {after}</source>
        <translation>SMTPサーバー: {before} → {after}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SMTP port: {before} → {after}</source>
        <translation>SMTPポート番号: {before} → {after}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SSL/TLS (SMTP): {before} → {after}</source>
        <translation>SSL/TLS（SMTP）: {before} → {after}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>SMTP authentication: {before} → {after}</source>
        <translation>SMTP認証: {before} → {after}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>User ID: {before} → {after}</source>
        <translation>ユーザーID: {before} → {after}</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>SMTP server</source>
        <translation>SMTPサーバー</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SMTP port</source>
        <translation>SMTPポート番号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SSL/TLS (SMTP)</source>
        <translation>SSL/TLS（SMTP）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SMTP authentication</source>
        <translation>SMTP認証</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SMTP authentication method</source>
        <translation>SMTP認証の方式</translation>
    </message>
</context>
<context>
    <name>Checklist</name>
    <message>
        <location filename="../../op25b_wizard/core/wizard_state.py" line="+437"/>
        <source>Mail can be sent from this network (port {port})</source>
        <translation>このネットワークからメールを送信できます（ポート {port}）</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>No way to send mail was found from this network</source>
        <translation>このネットワークからメールを送信する方法が見つかりませんでした</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{client} was not changed: it keeps its settings until a way to send is found</source>
        <translation>{client} の設定は変更していません。送信できる方法が見つかるまで、今の設定のままです</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The connection is encrypted</source>
        <translation>接続は暗号化されています</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The connection is not encrypted: choose an encrypted port if one worked, or ask your provider for secure settings</source>
        <translation>通信は暗号化されていません。暗号化できるポートがあればそれを選ぶか、プロバイダーに安全な設定をお問い合わせください</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No sign-in is used</source>
        <translation>認証は使用しません</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your password was accepted</source>
        <translation>パスワードが受け付けられました</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your password was not accepted</source>
        <translation>パスワードが受け付けられませんでした</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The password was not checked</source>
        <translation>パスワードは確認していません</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Outlook has the new settings: close and reopen Outlook. It asks once for your password for sending; type it and let Outlook save it.</source>
        <translation>Outlook に新しい設定が入りました。Outlook をいったん閉じて開き直してください。送信用のパスワードを一度だけたずねられますので、入力して Outlook に保存させてください。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{client} uses the new settings</source>
        <translation>{client} は新しい設定を使用します</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{client} was not changed</source>
        <translation>{client} の設定は変更していません</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enter the new settings in your mail program yourself</source>
        <translation>新しい設定を、お使いのメールソフトにご自身で入力してください</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>This computer has no safe place for the password, so it was not kept: your mail program asks for it when it sends</source>
        <translation>このコンピューターにはパスワードを安全に保管する場所がないため、保存していません。送信のときにメールソフトがパスワードを尋ねます</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>password store</source>
        <translation>パスワード保管庫</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The password is kept in this computer&apos;s {store}</source>
        <translation>パスワードは、このコンピューターの「{store}」に保管されています</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The password could not be kept</source>
        <translation>パスワードを保存できませんでした</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The password is being saved…</source>
        <translation>パスワードを保存しています…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No password is needed, so none was kept</source>
        <translation>パスワードは不要なため、保存していません</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No password was entered, so none was kept</source>
        <translation>パスワードが入力されていないため、保存していません</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The password was not kept: the server did not accept it</source>
        <translation>サーバーがパスワードを受け付けなかったため、パスワードは保存していません</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The password was not kept (you chose not to)</source>
        <translation>パスワードは保存していません（保存しないことを選択しました）</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <location filename="../../op25b_wizard/cli/common.py" line="+29"/>
        <source>op25b-wizard: error:</source>
        <translation>op25b-wizard: エラー:</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>the password read from standard input is not valid {encoding} text</source>
        <translation>標準入力から読み取ったパスワードが、正しい {encoding} の文字列ではありません</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>no standard input to read the password from</source>
        <translation>パスワードを読み取る標準入力がありません。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Password: </source>
        <translation>パスワード: </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the password read from standard input is empty</source>
        <translation>標準入力から読み取ったパスワードが空です。</translation>
    </message>
    <message>
        <location filename="../../op25b_wizard/cli/diagnose.py" line="-178"/>
        <source>the timeout must be between 0.1 and 300 seconds</source>
        <translation>タイムアウトは 0.1～300 秒の範囲で指定してください。</translation>
    </message>
    <message>
        <location filename="../../op25b_wizard/cli/common.py" line="+52"/>
        <source>cannot read the CA file {path}</source>
        <translation>CA ファイル {path} を読み取れません。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the CA file {path} holds no usable certificate</source>
        <translation>CA ファイル {path} に使用できる証明書がありません。</translation>
    </message>
    <message>
        <location filename="../../op25b_wizard/cli/diagnose.py" line="+8"/>
        <source>--password-stdin needs --user</source>
        <translation>--password-stdin を使うには --user も指定してください。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>the server {host} was found through {origin}, which cannot vouch for it: check the name and give it with --host to test your password there</source>
        <translation>サーバー {host} は「{origin}」で見つかったもので、正しいサーバーかどうかは保証されません。サーバー名を確認し、--host で指定してからパスワードをテストしてください。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Note: no password given (--password-stdin), so sign-in is not tested.</source>
        <translation>注意: パスワードが指定されていない（--password-stdin）ため、認証はテストしません。</translation>
    </message>
    <message>
        <location line="-25"/>
        <location line="+32"/>
        <source>--test-message needs your e-mail address and --password-stdin</source>
        <translation>--test-message を使うには、メールアドレスと --password-stdin を指定してください。</translation>
    </message>
    <message>
        <location line="-95"/>
        <source>invalid port {value}: give a number from 1 to 65535, optionally followed by /tls, /starttls or /relay</source>
        <translation>ポートの指定 {value} が正しくありません。1～65535 の数字を指定してください（後ろに /tls、/starttls、/relay を付けることもできます）。</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>the deadline must be between 0.1 and 3600 seconds</source>
        <translation>全体の制限時間は 0.1～3600 秒の範囲で指定してください。</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Testing {host} ports {ports} ...</source>
        <translation>{host} のポート {ports} をテストしています...</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+88"/>
        <source>What to do:</source>
        <translation>対処方法:</translation>
    </message>
    <message>
        <location line="-83"/>
        <source>Port</source>
        <translation>ポート</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encryption</source>
        <translation>暗号化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time</source>
        <translation>所要時間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Mail server: {host}</source>
        <translation>メールサーバー: {host}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Recommended outgoing server settings:</source>
        <translation>推奨する送信サーバー（SMTP）の設定:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server: {host}</source>
        <translation>サーバー名: {host}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port: {port}</source>
        <translation>ポート番号: {port}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encryption: {security}</source>
        <translation>接続の保護: {security}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign-in: {auth}</source>
        <translation>認証方式: {auth}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>User name: {user}</source>
        <translation>ユーザー名: {user}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No secure outgoing route was found.</source>
        <translation>安全に送信できる経路は見つかりませんでした。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Support code: {code}</source>
        <translation>サポートコード: {code}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{code} is not a valid support code: {reason}</source>
        <translation>{code} は正しいサポートコードではありません: {reason}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Support code {code}</source>
        <translation>サポートコード {code}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not tested</source>
        <translation>未テスト</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot tell</source>
        <translation>判定できません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port 25 blocked on the caller&apos;s network: {answer}</source>
        <translation>利用者のネットワークがポート 25 をブロックしているか: {answer}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>another port (not 465 or 587)</source>
        <translation>その他のポート（465、587 以外）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recommended port: {port}</source>
        <translation>推奨するポート番号: {port}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none found</source>
        <translation>見つかりませんでした</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Set the outgoing server to the recommended port shown above, with encryption and sign-in.</source>
        <translation>送信サーバー（SMTP）を上に示した推奨ポートに設定し、暗号化と認証を有効にしてください。</translation>
    </message>
    <message>
        <location filename="../../op25b_wizard/cli/export.py" line="-117"/>
        <source>note:</source>
        <translation>お知らせ:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>cannot read {path}: {reason}</source>
        <translation>{path} を読み取れません: {reason}</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>the diagnosis found no working route; give {options}</source>
        <translation>診断では使える経路が見つかりませんでした。{options} を指定してください。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>missing {options}</source>
        <translation>{options} を指定してください。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--security none sends the password and the mail unencrypted; add --allow-plaintext if you accept that risk</source>
        <translation>--security none ではパスワードとメールが暗号化されずに送られます。その危険を承知のうえで使う場合は --allow-plaintext を付けてください</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the recommended route is not encrypted ({security}); give --security tls or starttls</source>
        <translation>推奨された経路は暗号化されていません（{security}）。--security tls または starttls を指定してください。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>warning: port 25 is blocked on many hotel and mobile networks; 465 or 587 work everywhere</source>
        <translation>警告: ポート 25 は、ホテルやモバイルの多くのネットワークでブロックされています。465 または 587 なら、どこでも使えます。</translation>
    </message>
    <message>
        <location filename="../../op25b_wizard/core/exports/msmtp_password.py" line="+46"/>
        <source>msmtp will ask for the password each time it sends.</source>
        <translation>msmtp は送信するたびにパスワードの入力を求めます。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>use --msmtp-password secret-service instead: msmtp then asks for the password each time it sends.</source>
        <translation>代わりに --msmtp-password secret-service を使ってください。msmtp は送信するたびにパスワードの入力を求めます。</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>no password is stored yet for {user} at {host}; store it once with: {command}</source>
        <translation>{host} の {user} のパスワードはまだ保存されていません。次のコマンドで一度保存してください: {command}</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>use --msmtp-password passwordeval instead</source>
        <translation>代わりに --msmtp-password passwordeval を使用してください。</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>msmtp will find the password for {user} at {host} in the keyring.</source>
        <translation>msmtp は {host} の {user} のパスワードをキーリングから取得します。</translation>
    </message>
    <message>
        <location filename="../../op25b_wizard/cli/export.py" line="+30"/>
        <source>this format is binary: write it to a file with -o FILE</source>
        <translation>この形式はバイナリです。-o FILE でファイルに書き出してください。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>cannot write {path}: {reason}</source>
        <translation>{path} に書き込めません: {reason}</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>wrote {path}</source>
        <translation>{path} に書き出しました。</translation>
    </message>
    <message>
        <location filename="../../op25b_wizard/cli/lookup.py" line="-62"/>
        <source>--ispdb-url must be an http or https URL, not {value}</source>
        <translation>--ispdb-url には http または https の URL を指定してください（指定された値: {value}）。</translation>
    </message>
    <message>
        <location filename="../../op25b_wizard/cli/common.py" line="+13"/>
        <source>cannot read the preset file {path}</source>
        <translation>事前設定ファイル {path} を読み取れません。</translation>
    </message>
    <message>
        <location filename="../../op25b_wizard/cli/password.py" line="-88"/>
        <source>the password is only read from standard input: add --password-stdin</source>
        <translation>パスワードは標準入力からのみ読み取ります。--password-stdin を付けてください。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Password for {user} at {host}: </source>
        <translation>{host} の {user} のパスワード: </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no password was typed</source>
        <translation>パスワードが入力されませんでした。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Password for {user} at {host} stored in this computer&apos;s {store}.</source>
        <translation>{host} の {user} のパスワードを、このコンピューターの「{store}」に保存しました。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>msmtp will find it there too.</source>
        <translation>msmtp もこのパスワードを取得できます。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>not printing a password on the screen: this command is for msmtp&apos;s passwordeval and other programs that read it through a pipe</source>
        <translation>パスワードは画面には表示しません。このコマンドは、msmtp の passwordeval など、パイプ経由でパスワードを読み取るプログラム用です。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>no password is stored for {user} at {host}</source>
        <translation>{host} の {user} のパスワードは保存されていません。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Password for {user} at {host} deleted.</source>
        <translation>{host} の {user} のパスワードを削除しました。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No password was stored for {user} at {host}.</source>
        <translation>{host} の {user} のパスワードは保存されていませんでした。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Backend: {name}; keyring service: &quot;{service}&quot;.</source>
        <translation>バックエンド: {name}、キーリングのサービス名: &quot;{service}&quot;</translation>
    </message>
    <message>
        <location filename="../../op25b_wizard/cli/__init__.py" line="+40"/>
        <source>the following arguments are required: {names}</source>
        <translation>次の指定が必要です: {names}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>one of the arguments {names} is required</source>
        <translation>{names} のいずれかを指定してください</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>argument {option}: expected one argument</source>
        <translation>{option} には値を 1 つ指定してください</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>argument {option}: expected at least one argument</source>
        <translation>{option} には値を 1 つ以上指定してください</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>argument {option}: invalid choice (choose from {choices})</source>
        <translation>{option} の値が正しくありません（指定できる値: {choices}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>argument {option}: invalid {type} value</source>
        <translation>{option} の値が正しくありません（{type} 型の値を指定してください）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>argument {option}: not allowed with argument {other}</source>
        <translation>{option} は {other} と一緒には指定できません</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>not understood: position {positions} of the command line (the words are not repeated here, as one could be a password)</source>
        <translation>コマンドラインの {positions} 番目の語を解釈できません（パスワードの可能性があるため、その語はここに表示しません）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{option} takes no value (what followed &apos;=&apos; is not repeated here)</source>
        <translation>{option} には値を指定できません（「=」の後の内容はここに表示しません）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the command line is not right: {detail} (see: {prog} --help)</source>
        <translation>コマンドラインの指定が正しくありません: {detail}（{prog} --help を参照してください）</translation>
    </message>
    <message>
        <location filename="../../op25b_wizard/cli/launch.py" line="+60"/>
        <source>{path} is a file, not a folder</source>
        <translation>{path} はフォルダーではなくファイルです。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the folder {path} does not exist</source>
        <translation>フォルダー {path} がありません。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cannot create the folder {path}: {reason}</source>
        <translation>フォルダー {path} を作成できません: {reason}</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>--screenshots needs a folder name</source>
        <translation>--screenshots にはフォルダー名を指定してください</translation>
    </message>
    <message>
        <location filename="../../op25b_wizard/cli/common.py" line="-3"/>
        <source>--preset needs a file name</source>
        <translation>--preset にはファイル名を指定してください</translation>
    </message>
    <message>
        <location filename="../../op25b_wizard/gui/screenshots.py" line="+219"/>
        <source>could not write {path}</source>
        <translation>{path} に書き込めませんでした</translation>
    </message>
</context>
<context>
    <name>CliClients</name>
    <message>
        <location filename="../../op25b_wizard/cli/clients.py" line="+112"/>
        <source>--profile needs a folder name</source>
        <translation>--profile にはフォルダー名を指定してください</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>no such folder: {path}</source>
        <translation>フォルダーが見つかりません: {path}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--profile needs --client</source>
        <translation>--profile を使うには --client も指定してください。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{client}: {reason}; the accounts in it are left out.</source>
        <translation>{client}: {reason}。その中のアカウントは一覧に含めていません。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No {client} accounts were found.</source>
        <translation>{client} のアカウントは見つかりませんでした。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No Thunderbird, Becky! or Outlook accounts were found.</source>
        <translation>Thunderbird、Becky!、Outlook のアカウントは見つかりませんでした。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No Thunderbird or Becky! accounts were found.</source>
        <translation>Thunderbird と Becky! のアカウントは見つかりませんでした。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Client</source>
        <translation>メールソフト</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>アドレス</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outgoing server</source>
        <translation>送信サーバー</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port</source>
        <translation>ポート</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Security</source>
        <translation>接続の保護</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign-in</source>
        <translation>認証方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User name</source>
        <translation>ユーザー名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server</source>
        <translation>サーバーキー</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>managed by your organisation</source>
        <translation>組織が管理</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{client} settings in: {path}</source>
        <translation>{client} の設定の場所: {path}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>port out of range (1-65535): {port}</source>
        <translation>ポート番号が範囲外です（1～65535）: {port}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>port 25 is blocked on many hotel and mobile networks: use 465 or 587 (add --allow-port-25 if you really mean it)</source>
        <translation>ポート 25 は、ホテルやモバイルの多くのネットワークでブロックされています。465 または 587 を使用してください（本当にポート 25 を使う場合は --allow-port-25 を付けてください）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the user name cannot contain a line break</source>
        <translation>ユーザー名に改行は使えません</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>--security none sends your password unencrypted; add --allow-plaintext if you really mean it</source>
        <translation>--security none ではパスワードが暗号化されずに送信されます。本当にそうする場合は --allow-plaintext を付けてください。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the user name is empty</source>
        <translation>ユーザー名が空です。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{client}: {email} (outgoing server {key})</source>
        <translation>{client}: {email}（送信サーバー {key}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Profile: {path}</source>
        <translation>プロファイル: {path}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Dry run: nothing was changed.</source>
        <translation>確認のみ（ドライラン）: 何も変更していません。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Done. The files as they were are saved in: {path}</source>
        <translation>完了しました。変更前のファイルは次の場所に保存しました: {path}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>To undo: {command}</source>
        <translation>元に戻すには: {command}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>To undo: run op25b-wizard undo {client} with --profile and the profile folder shown above (its name has characters that a command line would misread, so it is not written out here).</source>
        <translation>元に戻すには: op25b-wizard undo {client} に --profile と上に表示したプロファイルのフォルダーを指定して実行してください（フォルダー名にコマンドラインが誤って解釈する文字が含まれるため、ここにはコマンドを書き出していません）。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{key} (server {host}, port {port})</source>
        <translation>{key}（サーバー {host}、ポート {port}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>several {client} outgoing servers send as {email}; choose one with --key (e.g. --key {first}): {choices}</source>
        <translation>{client} には {email} として送信する送信サーバーが複数あります。--key でどれか 1 つを指定してください（例: --key {first}）: {choices}</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The settings the last change made were already back as before.</source>
        <translation>前回の変更で設定した値は、すでに元の値に戻っていました。</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Restored: {files}</source>
        <translation>元に戻したファイル: {files}</translation>
    </message>
</context>
<context>
    <name>CliHelp</name>
    <message>
        <location filename="../../op25b_wizard/cli/__init__.py" line="-87"/>
        <source>usage: </source>
        <translation>使い方: </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>positional arguments</source>
        <translation>引数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>options</source>
        <translation>オプション</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>show this help message and exit</source>
        <translation>このヘルプを表示して終了します</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>show program&apos;s version number and exit</source>
        <translation>バージョンを表示して終了します</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>Gets your mail sending again when a network blocks port 25. Without a command, opens the setup wizard.</source>
        <translation>ネットワークがポート 25 をブロックしていても、メールを送信できるようにします。コマンドを指定しないと、設定ウィザードを開きます。</translation>
    </message>
    <message>
        <location filename="../../op25b_wizard/cli/clients.py" line="-250"/>
        <source>list the mail accounts found on this computer</source>
        <translation>このコンピューターで見つかったメールアカウントを一覧表示します</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>print a JSON list (see docs/clients.md)</source>
        <translation>JSON の一覧を出力します（docs/clients.md を参照）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>only this mail client</source>
        <translation>このメールソフトだけ</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>switch a mail client to the submission port (with a backup)</source>
        <translation>メールソフトを送信用ポートに切り替えます（バックアップあり）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change one account&apos;s outgoing server settings. The files are backed up first; &apos;op25b-wizard undo CLIENT&apos; puts them back. The mail client must be closed.</source>
        <translation>1 つのアカウントの送信サーバーの設定を変更します。変更前にファイルをバックアップし、&apos;op25b-wizard undo CLIENT&apos; で元に戻せます。メールソフトは終了しておく必要があります。</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>List the outgoing mail settings of every Thunderbird, Becky! and Outlook account found for this user.</source>
        <translation>このユーザーの Thunderbird、Becky!、Outlook の全アカウントの送信設定を一覧にします。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>only this profile folder (Becky!: data folder; Outlook: profile name); needs --client</source>
        <translation>このプロファイルフォルダーだけ (Becky!: データフォルダー、Outlook: プロファイル名)。--client が必要です</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the mail client to change: thunderbird, becky or outlook</source>
        <translation>変更するメールソフト: thunderbird、becky または outlook</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the profile folder (Becky!: data folder; Outlook: profile name); default: all found</source>
        <translation>プロファイルフォルダー (Becky!: データフォルダー、Outlook: プロファイル名)。既定: 見つかったすべて</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the address whose outgoing server is changed</source>
        <translation>送信サーバーを変更するメールアドレス</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>outgoing server name</source>
        <translation>送信サーバー名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>port (465 or 587)</source>
        <translation>ポート番号（465 または 587）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>tls: SSL/TLS (465); starttls: STARTTLS (587); none: not encrypted</source>
        <translation>tls: SSL/TLS（465）、starttls: STARTTLS（587）、none: 暗号化なし</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>user name for signing in</source>
        <translation>認証に使うユーザー名</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>sign-in method (default normal: the password, over TLS)</source>
        <translation>認証方式（省略時は normal: 暗号化された接続でパスワードを送ります）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>allow port 25 (blocked on many networks; not recommended)</source>
        <translation>ポート 25 を許可します（多くのネットワークでブロックされます。お勧めしません）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>allow --security none (the password would travel unencrypted)</source>
        <translation>--security none を許可します（パスワードが暗号化されずに送られます）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the server (Thunderbird: smtp1, ...; Becky!: mailbox folder; Outlook: account key, 00000002, ...) when several send as the address</source>
        <translation>そのアドレスで送信するサーバーが複数あるときのサーバー (Thunderbird: smtp1 など、Becky!: メールボックスのフォルダー、Outlook: アカウントのキー 00000002 など)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the mail client whose settings are put back: thunderbird, becky or outlook</source>
        <translation>設定を元に戻すメールソフト: thunderbird、becky または outlook</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the profile folder (Becky!: data folder; Outlook: profile name)</source>
        <translation>プロファイルフォルダー (Becky!: データフォルダー、Outlook: プロファイル名)</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>show before → after, change nothing</source>
        <translation>変更前 → 変更後を表示するだけで、何も変更しません</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>put back the settings saved before the last apply</source>
        <translation>直前の apply の前に保存した設定に戻します</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put back the values the last &apos;apply&apos; for this mail client changed, where they still hold what it wrote; a value changed since is left as it is and named (exit status 4). The mail client must be closed.</source>
        <translation>このメールソフトについて直前の &apos;apply&apos; で変更した値を、書き込んだときのままになっているものだけ元に戻します。その後に変更された値はそのままにして、その名前を表示します（終了ステータス 4）。メールソフトは終了しておく必要があります。</translation>
    </message>
    <message>
        <location filename="../../op25b_wizard/cli/common.py" line="-120"/>
        <source>language of the output (default: from the system locale)</source>
        <translation>出力の言語（省略時はシステムの設定に従います）</translation>
    </message>
    <message>
        <location filename="../../op25b_wizard/cli/diagnose.py" line="-288"/>
        <source>test which mail ports work from this network and what to configure</source>
        <translation>このネットワークからどのメール送信用ポートが使えるかと、何を設定すればよいかをテストします</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test ports 25, 587 and 465 of a mail server at once and say, in plain words, whether this network blocks port 25 and which secure route works.</source>
        <translation>メールサーバーのポート 25、587、465 を同時にテストし、このネットワークがポート 25 をブロックしているかどうかと、どの安全な送信方法が使えるかを分かりやすく示します。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an e-mail address or a mail server name</source>
        <translation>メールアドレスまたはメールサーバー名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the outgoing mail server (default: smtp.&lt;domain&gt; for an address)</source>
        <translation>送信メールサーバー（メールアドレスの場合、省略時は smtp.&lt;ドメイン&gt;）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a port to test (repeatable; default 25, 587 and 465); MODE is tls, starttls or relay</source>
        <translation>テストするポート（複数指定できます。省略時は 25、587、465）。MODE は tls、starttls、relay のいずれか</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>seconds for each stage (connect, greeting, TLS); the sign-in&apos;s answer may take 20 more, as servers delay it on purpose; default 10</source>
        <translation>各段階（接続、応答、TLS）の待ち時間（秒）。サーバーは認証の返答をわざと遅らせることがあるため、認証の返答はさらに 20 秒まで待ちます。省略時は 10</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>seconds for the whole test, all ports together; a port not finished by then is reported as unfinished (default: three times the timeout plus 20, that is 50)</source>
        <translation>テスト全体（すべてのポート）の制限時間（秒）。それまでに終わらなかったポートは「未完了」と表示します（省略時はタイムアウトの 3 倍に 20 を足した値、つまり 50）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>user name for a real sign-in test (one attempt per port)</source>
        <translation>実際に認証をテストするときのユーザー名（ポートごとに 1 回だけ試します）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>read the password for the sign-in test from standard input</source>
        <translation>認証テストのパスワードを標準入力から読み取ります</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>extra trusted CA certificates (company CA)</source>
        <translation>追加で信頼する CA 証明書（社内 CA）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>allow sending the password without encryption (not recommended)</source>
        <translation>暗号化せずにパスワードを送ることを許可します（お勧めしません）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>after a successful sign-in, send one test message to your own address</source>
        <translation>認証に成功したら、自分のアドレスにテストメールを 1 通送ります</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>show the whole conversation with the server (password masked)</source>
        <translation>サーバーとのやり取りをすべて表示します（パスワードは伏せ字）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>print one JSON object (see docs/)</source>
        <translation>JSON オブジェクトを 1 つ出力します（docs/ を参照）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>find the server for an address only from the company preset and the bundled provider data</source>
        <translation>メールアドレスのサーバーを、会社指定の設定ファイルと組み込みのプロバイダー情報だけから探します</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a company preset (autoconfig XML)</source>
        <translation>会社指定の設定ファイル（autoconfig XML）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>base URL of the ISP database</source>
        <translation>ISP データベースのベース URL</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>plain-http address asked to recognise a hotel network&apos;s sign-in page (default: Windows&apos; own check; off turns it off)</source>
        <translation>ホテルなどのネットワークのログインページを見分けるために問い合わせる http:// のアドレス（省略時は Windows 自身の確認先。off で問い合わせません）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the exact text that address answers when the web is open (without it, an empty answer, HTTP 204, is expected)</source>
        <translation>インターネットにつながっているときにそのアドレスが返す正確なテキスト（省略時は空の応答 HTTP 204 を期待します）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>expand a support code into the test&apos;s summary</source>
        <translation>サポートコードをテスト結果の概要に戻します</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expand a support code read out by a caller.</source>
        <translation>電話で聞き取ったサポートコードを、テスト結果の概要に戻します。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the support code, e.g. K24J-TA2A-J282 (also as separate words: K24J TA2A J282)</source>
        <translation>サポートコード（例: K24J-TA2A-J282。K24J TA2A J282 のように分けても可）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>print the summary as JSON</source>
        <translation>概要を JSON で出力します</translation>
    </message>
    <message>
        <location filename="../../op25b_wizard/cli/export.py" line="-167"/>
        <source>write the recommended settings for a mail client or an administrator</source>
        <translation>メールソフトや管理者向けに、推奨する設定を書き出します</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the outgoing-server settings in one of the formats listed below. No format ever contains the password.</source>
        <translation>送信サーバーの設定を、下に挙げる形式のいずれかで書き出します。どの形式にもパスワードは含まれません。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>one of: autoconfig, mobileconfig, autodiscover, msmtp, git-send-email, thunderbird-userjs, json, html, pdf</source>
        <translation>autoconfig、mobileconfig、autodiscover、msmtp、git-send-email、thunderbird-userjs、json、html、pdf のいずれか</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../op25b_wizard/cli/lookup.py" line="-34"/>
        <source>the e-mail address</source>
        <translation>メールアドレス</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the outgoing mail server (default: from --diagnosis)</source>
        <translation>送信メールサーバー（省略時は --diagnosis から）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>its port, 465 or 587 (default: from --diagnosis)</source>
        <translation>そのポート番号。465 または 587（省略時は --diagnosis から）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>tls (SSL/TLS, port 465) or starttls (port 587) (default: from --diagnosis); none (unencrypted) only with --allow-plaintext</source>
        <translation>tls（SSL/TLS、ポート 465）または starttls（ポート 587）（既定値: --diagnosis から）。none（暗号化なし）は --allow-plaintext を付けた場合のみ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>accept --security none: the password and the mail travel unencrypted (the files and the sheet say so)</source>
        <translation>--security none を認めます。パスワードとメールが暗号化されずに送られます（ファイルと設定シートにもその旨を記載します）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the user name for signing in (default: from --diagnosis)</source>
        <translation>認証に使うユーザー名（省略時は --diagnosis から）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>authentication method (default: from --diagnosis, else normal)</source>
        <translation>認証方式（省略時は --diagnosis から。なければ normal）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the display name, e.g. &quot;Taro Yamada&quot;</source>
        <translation>表示名（例: &quot;山田 太郎&quot;）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>write to FILE (default: standard output)</source>
        <translation>FILE に書き出します（省略時は標準出力）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>incoming server (autoconfig, mobileconfig, autodiscover, json)</source>
        <translation>受信サーバー（autoconfig、mobileconfig、autodiscover、json）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>default: IMAP on the outgoing server&apos;s host, port 993, SSL/TLS</source>
        <translation>省略時は送信サーバーと同じホストの IMAP、ポート 993、SSL/TLS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the incoming mail server (default: the outgoing server&apos;s host)</source>
        <translation>受信サーバー（既定値: 送信サーバーと同じホスト）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>its port (default: 993 for IMAP, 995 for POP3 with SSL/TLS)</source>
        <translation>受信サーバーのポート番号（既定値: SSL/TLS で IMAP は 993、POP3 は 995）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>imap or pop3 (default: imap)</source>
        <translation>imap または pop3（既定値: imap）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tls, starttls or none (default: tls)</source>
        <translation>tls、starttls または none（既定値: tls）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>diagnosis and the settings sheet (html, pdf)</source>
        <translation>診断結果と設定シート（html、pdf）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a saved &quot;op25b-wizard diagnose --json&quot; result</source>
        <translation>保存した &quot;op25b-wizard diagnose --json&quot; の結果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>default: from --diagnosis</source>
        <translation>省略時は --diagnosis から</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the outgoing server before the change</source>
        <translation>変更前の送信サーバー</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>its port before the change (usually 25)</source>
        <translation>変更前のポート番号（通常は 25）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>its connection security before the change: tls, starttls or none</source>
        <translation>変更前の接続の保護: tls、starttls または none</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>its authentication before the change: none, normal, encrypted or oauth2</source>
        <translation>変更前の認証方式: none、normal、encrypted または oauth2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>msmtp and thunderbird-userjs</source>
        <translation>msmtp と thunderbird-userjs</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>where msmtp gets the password: its item in the Secret Service keyring (default on Linux) or a passwordeval line running op25b-wizard (default elsewhere)</source>
        <translation>msmtp がパスワードを取得する場所: Secret Service のキーリングにある msmtp 用の項目（Linux での既定）、または op25b-wizard を実行する passwordeval 行（それ以外での既定）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the Thunderbird outgoing server to change (default smtp1)</source>
        <translation>変更する Thunderbird の送信サーバー（省略時は smtp1）</translation>
    </message>
    <message>
        <location filename="../../op25b_wizard/cli/lookup.py" line="-5"/>
        <source>find the outgoing mail server for an e-mail address</source>
        <translation>メールアドレスの送信メールサーバーを探します</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find the outgoing (SMTP) server for an e-mail address: a company preset, the provider data built into this app, the provider&apos;s own autoconfig, the public ISP database, the domain&apos;s MX and, as a last resort, trying likely server names. No password is sent anywhere.</source>
        <translation>メールアドレスの送信（SMTP）サーバーを、会社指定の設定ファイル、このアプリに組み込まれたプロバイダー情報、プロバイダー自身の autoconfig、公開の ISP データベース、ドメインの MX、最後の手段としてありそうなサーバー名の試行、の順に探します。パスワードはどこにも送りません。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>print one JSON object (see docs/lookup.md)</source>
        <translation>JSON オブジェクトを 1 つ出力します（docs/lookup.md を参照）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>use only the company preset and the built-in provider data</source>
        <translation>会社指定の設定ファイルと組み込みのプロバイダー情報だけを使います</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>base URL of the ISP database; the domain is appended (default: Thunderbird&apos;s public ISP database, live.thunderbird.net)</source>
        <translation>ISP データベースのベース URL。ドメインが末尾に付きます（省略時は Thunderbird の公開 ISP データベース live.thunderbird.net）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a company preset (autoconfig XML); by default op25b-preset.xml beside the program is used when present</source>
        <translation>会社指定の設定ファイル（autoconfig XML）。省略時は、プログラムと同じ場所に op25b-preset.xml があれば使います</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>extra trusted CA certificates (company CA) for https and the server tests</source>
        <translation>https とサーバーのテストで追加で信頼する CA 証明書（社内 CA）</translation>
    </message>
    <message>
        <location filename="../../op25b_wizard/cli/password.py" line="-141"/>
        <source>keep the SMTP password in this computer&apos;s keyring</source>
        <translation>SMTP のパスワードをこのコンピューターのキーリングに保管します</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Store, read or delete the SMTP password in the OS keyring (Windows Credential Manager, Keychain, Secret Service) under the service &quot;op25b-wizard SMTP&quot;.</source>
        <translation>SMTP のパスワードを、OS のキーリング（Windows 資格情報マネージャー、キーチェーン、Secret Service）のサービス &quot;op25b-wizard SMTP&quot; に保存、読み取り、削除します。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>store the password (read from standard input)</source>
        <translation>パスワードを保存します（標準入力から読み取ります）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>read the password from standard input (the only way to give it)</source>
        <translation>パスワードを標準入力から読み取ります（パスワードを渡す唯一の方法です）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>also store it where msmtp looks for it (Secret Service, Linux)</source>
        <translation>msmtp が探す場所にも保存します（Secret Service、Linux）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>print the password into a pipe (for msmtp&apos;s passwordeval)</source>
        <translation>パスワードをパイプに出力します（msmtp の passwordeval 用）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>forget the password (and the msmtp copy stored here)</source>
        <translation>パスワードを削除します（ここで保存した msmtp 用のコピーも）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>say where passwords are kept and whether it is safe</source>
        <translation>パスワードの保管場所と、それが安全かどうかを表示します</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>print one JSON object</source>
        <translation>JSON オブジェクトを 1 つ出力します</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the outgoing mail server</source>
        <translation>送信メールサーバー</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the user name for signing in</source>
        <translation>認証に使うユーザー名</translation>
    </message>
    <message>
        <location filename="../../op25b_wizard/cli/launch.py" line="-87"/>
        <source>the wizard (without a command)</source>
        <translation>ウィザード（コマンドなし）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>language of the wizard (default: from the system locale)</source>
        <translation>ウィザードの言語（省略時はシステムの設定に従います）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>show page numbers and the support code on every page</source>
        <translation>すべてのページにページ番号とサポートコードを表示します</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a company preset (autoconfig XML): the outgoing server for the addresses of the domains it lists; by default op25b-preset.xml beside the program is used when it is there</source>
        <translation>会社指定の設定ファイル（autoconfig XML）。記載されたドメインのアドレスの送信サーバーを指定します。省略時は、プログラムと同じ場所に op25b-preset.xml があれば使います</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>render every page of a sample run to numbered PNG files in DIR, then exit</source>
        <translation>サンプルの実行で全ページを DIR に番号付きの PNG ファイルとして描画し、終了します</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>build the first page, print version, Qt, language, keyring and mail clients found; exit 0 when the app is usable</source>
        <translation>最初のページを作って表示し、バージョン、Qt、言語、キーリング、見つかったメールソフトを出力します。アプリを使えるときは終了コード 0</translation>
    </message>
</context>
<context>
    <name>Connectivity</name>
    <message>
        <location filename="../../op25b_wizard/core/connectivity.py" line="+100"/>
        <source>the connectivity check URL must be a plain http:// address such as {example}, or off</source>
        <translation>接続確認の URL は {example} のような http:// のアドレスか、off にしてください</translation>
    </message>
</context>
<context>
    <name>DetailsDialog</name>
    <message>
        <location filename="../../op25b_wizard/gui/details_dialog.py" line="+27"/>
        <source>Support code: {code}</source>
        <translation>サポートコード: {code}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server: {host} ({addresses})</source>
        <translation>サーバー: {host}（{addresses}）</translation>
    </message>
    <message>
        <location line="+72"/>
        <location line="+1"/>
        <source>Details of the test</source>
        <translation>テストの詳細</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy all</source>
        <translation>すべてコピー（&amp;C）</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <location filename="../../op25b_wizard/core/exports/autodiscover.py" line="+30"/>
        <location filename="../../op25b_wizard/core/exports/mobileconfig.py" line="+30"/>
        <source>{format} cannot describe OAuth2 sign-in. Set the account up in the mail app&apos;s own sign-in dialog, or use --auth normal with an app password.</source>
        <translation>{format} では OAuth2 による認証を設定できません。メールアプリ自身のサインイン画面でアカウントを設定するか、アプリパスワードを用意して --auth normal を指定してください。</translation>
    </message>
    <message>
        <location filename="../../op25b_wizard/core/exports/git_send_email.py" line="+33"/>
        <location filename="../../op25b_wizard/core/exports/msmtp.py" line="+43"/>
        <source>{format} cannot sign in with OAuth2 by itself. Use --auth normal with an app password.</source>
        <translation>{format} は単独では OAuth2 で認証できません。アプリパスワードを用意して --auth normal を指定してください。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>git send-email settings for {email}, written by op25b-wizard on {date}.</source>
        <translation>{email} 用の git send-email の設定です（{date} に op25b-wizard で作成）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add this to ~/.gitconfig (git config --global --edit).</source>
        <translation>この内容を ~/.gitconfig に追加してください（git config --global --edit）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The password is not in this file: git asks for it, and a credential helper can keep it in this computer&apos;s password store.</source>
        <translation>パスワードはこのファイルに含まれていません。パスワードは git が入力を求めます。credential helper を使うと、このコンピューターのパスワード保管庫に保存できます。</translation>
    </message>
    <message>
        <location filename="../../op25b_wizard/core/exports/mobileconfig.py" line="+10"/>
        <source>Mail account {email}</source>
        <translation>メールアカウント {email}</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Mail settings for {email}</source>
        <translation>{email} のメール設定</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sends mail through {host}, port {port}, encrypted and with sign-in. You will be asked for your mail password.</source>
        <translation>{host} のポート {port} を使い、暗号化と認証を行ってメールを送信します。メールのパスワードの入力を求められます。</translation>
    </message>
    <message>
        <location filename="../../op25b_wizard/core/exports/msmtp.py" line="+4"/>
        <source>The password is not in this file: msmtp gets it from this computer&apos;s password store through op25b-wizard (the passwordeval line).</source>
        <translation>パスワードはこのファイルに含まれていません。msmtp は op25b-wizard を通じて、このコンピューターのパスワード保管庫からパスワードを取得します（passwordeval の行）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The password is not in this file: msmtp finds it in the keyring (run &quot;op25b-wizard password set --host {host} --user {user} --password-stdin --msmtp&quot; once to put it there).</source>
        <translation>パスワードはこのファイルに含まれていません。msmtp はキーリングからパスワードを取得します（キーリングに保存するには、&quot;op25b-wizard password set --host {host} --user {user} --password-stdin --msmtp&quot; を一度実行してください）。</translation>
    </message>
    <message>
        <location filename="../../op25b_wizard/core/exports/settings.py" line="+204"/>
        <source>SSL/TLS</source>
        <translation>SSL/TLS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <location filename="../../op25b_wizard/core/exports/msmtp.py" line="+8"/>
        <source>msmtp settings for {email}, written by op25b-wizard on {date}.</source>
        <translation>{email} 用の msmtp の設定です（{date} に op25b-wizard で作成）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sends through {host}, port {port} ({security}), signing in as {user}.</source>
        <translation>{host} のポート {port}（{security}）を使い、{user} として認証して送信します。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save as ~/.msmtprc (or ~/.config/msmtp/config), readable by you only (chmod 600).</source>
        <translation>~/.msmtprc（または ~/.config/msmtp/config）として保存し、自分だけが読めるようにしてください（chmod 600）。</translation>
    </message>
    <message>
        <location filename="../../op25b_wizard/core/exports/registry.py" line="+48"/>
        <source>Mozilla autoconfig XML (Thunderbird, Thunderbird for Android, Evolution, KMail, FairEmail)</source>
        <translation>Mozilla autoconfig 形式の XML（Thunderbird、Thunderbird for Android、Evolution、KMail、FairEmail）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Apple configuration profile (Mail on iPhone, iPad and Mac)</source>
        <translation>Apple 構成プロファイル（iPhone、iPad、Mac の「メール」）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Microsoft Autodiscover XML (Outlook)</source>
        <translation>Microsoft Autodiscover 形式の XML（Outlook）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>msmtp account (~/.msmtprc)</source>
        <translation>msmtp のアカウント設定（~/.msmtprc）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>git send-email settings (~/.gitconfig)</source>
        <translation>git send-email の設定（~/.gitconfig）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Thunderbird user.js lines</source>
        <translation>Thunderbird の user.js に追加する行</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The settings and the diagnosis as JSON</source>
        <translation>設定と診断結果（JSON 形式）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Printable settings sheet (HTML)</source>
        <translation>印刷用の設定シート（HTML）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Printable settings sheet (PDF)</source>
        <translation>印刷用の設定シート（PDF）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Unknown export format &quot;{name}&quot; (one of: {names}).</source>
        <translation>「{name}」は不明なエクスポート形式です（使用できる形式: {names}）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The {name} sheet is rendered by the application, not the core.</source>
        <translation>{name} 形式のシートは、コアではなくアプリケーション側で作成されます。</translation>
    </message>
    <message>
        <location filename="../../op25b_wizard/core/exports/settings.py" line="-93"/>
        <source>The {what} is empty.</source>
        <translation>{what}が入力されていません。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The {what} contains a line break or another invisible character.</source>
        <translation>{what}に改行などの目に見えない文字が含まれています。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The {what} is longer than {limit} characters.</source>
        <translation>{what}が長すぎます（{limit} 文字まで）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>server name</source>
        <translation>サーバー名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>user name</source>
        <translation>ユーザー名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>display name</source>
        <translation>表示名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e-mail address</source>
        <translation>メールアドレス</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;{value}&quot; is not a valid server name.</source>
        <translation>「{value}」はサーバー名として正しくありません。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&quot;{value}&quot; is not a port number (1 to 65535).</source>
        <translation>「{value}」はポート番号ではありません（1～65535 の数字を指定します）。</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+4"/>
        <location line="+3"/>
        <source>&quot;{value}&quot; is not an e-mail address.</source>
        <translation>「{value}」はメールアドレスとして正しくありません。</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+5"/>
        <source>&quot;{value}&quot; is not a support code.</source>
        <translation>「{value}」はサポートコードとして正しくありません。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The {what} must be one of: {choices}.</source>
        <translation>{what}には次のいずれかを指定してください: {choices}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>none (unencrypted)</source>
        <translation>なし（暗号化しない）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>connection security</source>
        <translation>接続の保護</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>authentication method</source>
        <translation>認証方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>incoming server type</source>
        <translation>受信サーバーの種類</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>This route is not encrypted: the settings are written only after you accept that the password and your mail travel unencrypted.</source>
        <translation>この経路は暗号化されていません。パスワードとメールが暗号化されずに送られることを承知いただいた場合にのみ、設定を書き出します。</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Warning: {host}, port {port} is not encrypted. Your password and your mail can be read by anyone on the same network (a hotel, a café). Use it only because nothing encrypted works, and ask your provider or helpdesk for an encrypted route.</source>
        <translation>注意: {host} のポート {port} は暗号化されていません。同じネットワーク（ホテルやカフェなど）にいる人が、パスワードやメールの内容を読み取れます。暗号化された経路がどれも使えない場合に限ってお使いいただき、暗号化された経路についてプロバイダーまたはヘルプデスクにご相談ください。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The incoming server was not given, so this file assumes {type} at {host}, port {port}, security {security}. Check these against your provider&apos;s instructions (--incoming-type, --incoming-host, --incoming-port, --incoming-security).</source>
        <translation>受信サーバーが指定されていないため、このファイルでは受信サーバーを {type}、{host}、ポート {port}、接続の保護 {security} と仮定しています。プロバイダーの案内と照らし合わせて確認してください（--incoming-type、--incoming-host、--incoming-port、--incoming-security）。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The diagnosis file is not a saved &quot;op25b-wizard diagnose --json&quot; result.</source>
        <translation>診断ファイルが、&quot;op25b-wizard diagnose --json&quot; の結果を保存したものではありません。</translation>
    </message>
    <message>
        <location filename="../../op25b_wizard/core/exports/thunderbird_userjs.py" line="+29"/>
        <source>&quot;{value}&quot; is not a Thunderbird server key (like smtp1).</source>
        <translation>「{value}」は Thunderbird のサーバーキー（smtp1 など）ではありません。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Thunderbird outgoing server (SMTP) for {email}, written by op25b-wizard on {date}.</source>
        <translation>{email} 用の Thunderbird の送信サーバー（SMTP）の設定です（{date} に op25b-wizard で作成）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close Thunderbird, then add these lines to user.js in the profile folder.</source>
        <translation>Thunderbird を終了してから、プロファイルフォルダーの user.js にこれらの行を追加してください。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;{key}&quot; is the outgoing server they change; to see yours, open Settings &gt; General &gt; Config Editor and search for mail.smtpserver.</source>
        <translation>これらの行で変更する送信サーバーは「{key}」です。お使いの送信サーバーを確認するには、「設定」&gt;「一般」&gt;「設定エディター」を開き、mail.smtpserver を検索してください。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Thunderbird applies user.js at every start: delete these lines after the first start, or the settings cannot be changed later.</source>
        <translation>Thunderbird は起動するたびに user.js を適用します。最初に起動した後でこれらの行を削除してください。削除しないと、後から設定を変更できません。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The password is not here: Thunderbird asks for it the first time it sends.</source>
        <translation>パスワードはここには含まれていません。最初の送信時に Thunderbird がパスワードの入力を求めます。</translation>
    </message>
</context>
<context>
    <name>GuideWindow</name>
    <message>
        <location filename="../../op25b_wizard/gui/guide.py" line="+77"/>
        <location line="+1"/>
        <source>User guide</source>
        <translation>使い方ガイド</translation>
    </message>
</context>
<context>
    <name>Lookup</name>
    <message>
        <location filename="../../op25b_wizard/core/lookup/address.py" line="+53"/>
        <source>Enter an e-mail address.</source>
        <translation>メールアドレスを入力してください。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;{text}&quot; is not an e-mail address: it has no @.</source>
        <translation>「{text}」はメールアドレスではありません（@ がありません）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;{text}&quot; has nothing before the @.</source>
        <translation>「{text}」は @ の前に何もありません。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The part before the @ in &quot;{text}&quot; contains a space or a character that an address cannot have.</source>
        <translation>「{text}」の @ より前の部分に、空白か、メールアドレスに使えない文字が含まれています。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The part before the @ in &quot;{text}&quot; has a misplaced dot.</source>
        <translation>「{text}」の @ より前の部分で、ドット（.）の位置が正しくありません。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The part before the @ is too long (64 bytes at most).</source>
        <translation>@ より前の部分が長すぎます（64 バイトまで）。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&quot;{text}&quot; has no domain after the @.</source>
        <translation>「{text}」は @ の後にドメインがありません。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The domain &quot;{domain}&quot; has no dot; a full domain looks like example.co.jp.</source>
        <translation>ドメイン「{domain}」にドット（.）がありません。完全なドメインは example.co.jp のような形です。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The domain &quot;{domain}&quot; is not a valid domain name.</source>
        <translation>ドメイン「{domain}」はドメイン名として正しくありません。</translation>
    </message>
    <message>
        <location line="-6"/>
        <location line="+11"/>
        <source>The domain &quot;{domain}&quot; is too long.</source>
        <translation>ドメイン「{domain}」が長すぎます。</translation>
    </message>
    <message>
        <location filename="../../op25b_wizard/core/lookup/autoconfig.py" line="+102"/>
        <source>The settings from {origin} are not in a readable text encoding.</source>
        <translation>{origin} から取得した設定は、読み取れない文字コードで書かれています。</translation>
    </message>
    <message>
        <location line="+12"/>
        <location filename="../../op25b_wizard/core/lookup/sources.py" line="+96"/>
        <source>The settings from {origin} are larger than {limit} KB and were refused.</source>
        <translation>{origin} から取得した設定は {limit} KB を超えているため、使用しませんでした。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The settings from {origin} were refused: they declare a document type or entities, which mail settings never need and XML attacks use.</source>
        <translation>{origin} から取得した設定は使用しませんでした。文書型宣言やエンティティが含まれています。これらはメール設定には不要で、XML を使った攻撃に使われるものです。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The settings from {origin} are not valid XML (line {line}, column {column}).</source>
        <translation>{origin} から取得した設定は、正しい XML ではありません（{line} 行 {column} 文字目）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The settings from {origin} are not valid XML.</source>
        <translation>{origin} から取得した設定は、正しい XML ではありません。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The file from {origin} is not a mail settings file (autoconfig).</source>
        <translation>{origin} から取得したファイルは、メール設定ファイル（autoconfig）ではありません。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The settings from {origin} name no usable outgoing (SMTP) server.</source>
        <translation>{origin} から取得した設定には、使用できる送信サーバー（SMTP）がありません。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The settings from {origin} give a user name with a line break or another control character; that server entry was refused.</source>
        <translation>{origin} から取得した設定のユーザー名に改行などの制御文字が含まれているため、そのサーバーの項目は使用しませんでした。</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>{count} outgoing server entries in {origin} were unusable and left out.</source>
        <translation>{origin} にある送信サーバーの項目のうち {count} 件は使用できないため、除外しました。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The settings do not say which user name to use; the full address is filled in (some providers want only the part before the @).</source>
        <translation>設定にユーザー名の指定がないため、メールアドレス全体を入力しました（プロバイダーによっては、@ より前の部分だけを使います）。</translation>
    </message>
    <message>
        <location filename="../../op25b_wizard/core/lookup/preset.py" line="+63"/>
        <source>The company preset {path} cannot be read: {reason}</source>
        <translation>会社指定の設定ファイル {path} を読み取れません: {reason}</translation>
    </message>
    <message>
        <location filename="../../op25b_wizard/core/lookup/providers.py" line="+17"/>
        <source>{provider} takes an app password here, not your usual password: create one in your account&apos;s security settings (two-step verification must be on).</source>
        <translation>{provider} では、ここに普段のパスワードではなくアプリパスワードを入力します。アカウントのセキュリティ設定でアプリパスワードを作成してください（2 段階認証を有効にしておく必要があります）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>First turn on access for mail programs (IMAP/POP/SMTP) in {provider}&apos;s web mail settings.</source>
        <translation>先に {provider} の Web メールの設定で、メールソフトからのアクセス（IMAP/POP/SMTP）を有効にしてください。</translation>
    </message>
    <message>
        <location filename="../../op25b_wizard/core/lookup/sources.py" line="+4"/>
        <source>{origin} did not prove its identity (certificate problem); its settings were not used.</source>
        <translation>{origin} の身元を確認できなかったため（証明書の問題）、その設定は使用しませんでした。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{origin} sent the lookup elsewhere without https; not followed.</source>
        <translation>{origin} は https を使わずに別の場所へ転送しようとしたため、転送先は参照しませんでした。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{origin} sent the lookup round in circles (from one address to the next without end); not followed.</source>
        <translation>{origin} は転送を繰り返して元の場所に戻る（転送が終わらない）ため、転送先は参照しませんでした。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{origin} sent the lookup to an address that is not valid; not followed.</source>
        <translation>{origin} は正しくないアドレスへ転送しようとしたため、転送先は参照しませんでした。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Settings for {domain} from {origin}.</source>
        <translation>{origin} から取得した {domain} の設定です。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>These settings came over plain http, which anyone on the network can change: check the server name before you enter a password.</source>
        <translation>この設定は暗号化されていない http で取得したため、ネットワーク上の第三者に書き換えられている可能性があります。パスワードを入力する前に、サーバー名を確認してください。</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Suggested by the DNS records of {domain} (SRV): {hosts}. DNS answers are not signed, so confirm that this server belongs to your provider before you enter a password.</source>
        <translation>{domain} の DNS レコード（SRV）で示されたサーバー: {hosts}。DNS の応答には署名がないため、パスワードを入力する前に、このサーバーがご利用のプロバイダーのものか確認してください。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>No published settings for {domain}: these servers answered when tried (no password was sent). The user name is a guess: the full address.</source>
        <translation>{domain} の設定は公開されていません。試したところ、これらのサーバーが応答しました（パスワードは送信していません）。ユーザー名は推測で、メールアドレス全体にしています。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Your domain&apos;s mail is received by {mx}, which belongs to {provider}: these are {provider}&apos;s settings. Confirm that this is your provider.</source>
        <translation>お使いのドメインのメールは、{provider} のサーバー {mx} で受信されています。これは {provider} の設定です。ご利用のプロバイダーか確認してください。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your domain&apos;s mail is received by {mx}: these are the settings of {base}. Confirm that this is your provider.</source>
        <translation>お使いのドメインのメールは {mx} で受信されています。これは {base} の設定です。ご利用のプロバイダーか確認してください。</translation>
    </message>
    <message>
        <location filename="../../op25b_wizard/core/lookup/result.py" line="+19"/>
        <source>the company preset</source>
        <translation>会社指定の設定ファイル</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the provider data built into this app</source>
        <translation>このアプリに組み込まれたプロバイダー情報</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the provider&apos;s own settings file (autoconfig)</source>
        <translation>プロバイダー自身の設定ファイル（autoconfig）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the public ISP database</source>
        <translation>公開 ISP データベース</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the domain&apos;s mail exchanger (MX)</source>
        <translation>ドメインのメール受信サーバー（MX）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DNS SRV records (a suggestion)</source>
        <translation>DNS の SRV レコード（参考情報）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>trying likely server names</source>
        <translation>ありそうなサーバー名を試した結果</translation>
    </message>
    <message>
        <location filename="../../op25b_wizard/cli/lookup.py" line="-23"/>
        <source>Other sign-in (NTLM, Kerberos, network address)</source>
        <translation>その他の認証（NTLM、Kerberos、ネットワークアドレス）</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Looking up {email} ...</source>
        <translation>{email} の設定を調べています...</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Outgoing server for {email} (from {where}):</source>
        <translation>{email} の送信サーバー（情報源: {where}）:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{n}. {host}, port {port}, encryption: {security}, sign-in: {auth}</source>
        <translation>{n}. {host}、ポート {port}、接続の保護: {security}、認証方式: {auth}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>user name: {user}</source>
        <translation>ユーザー名: {user}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Confirm that this server belongs to your provider before you enter a password (see the notes).</source>
        <translation>パスワードを入力する前に、このサーバーがご利用のプロバイダーのものか確認してください（注記を参照）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Could not check {email}: the app&apos;s own provider data does not know it, and the network was not used (--offline).</source>
        <translation>{email} は確認できませんでした。アプリに組み込まれたプロバイダー情報にはなく、ネットワークは使用していません（--offline）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not check {email}: no DNS or web server answered. Check the network connection and try again.</source>
        <translation>{email} は確認できませんでした。DNS サーバーも Web サーバーも応答しませんでした。ネットワークの接続を確認して、もう一度お試しください。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No outgoing server found for {email}.</source>
        <translation>{email} の送信サーバーは見つかりませんでした。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Notes:</source>
        <translation>注記:</translation>
    </message>
    <message>
        <location filename="../../op25b_wizard/core/lookup/engine.py" line="+117"/>
        <source>Settings from the company preset {path}.</source>
        <translation>会社指定の設定ファイル {path} から取得した設定です。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The company preset {path} does not cover {domain}.</source>
        <translation>会社指定の設定ファイル {path} には、{domain} の設定がありません。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Settings for {provider} from the provider data built into this app (checked {date}).</source>
        <translation>このアプリに組み込まれたプロバイダー情報による {provider} の設定です（{date} に確認）。</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Offline: the network was not used.</source>
        <translation>オフライン: ネットワークは使用していません。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answered from data on this computer: the network was not contacted.</source>
        <translation>このコンピューター上の情報から回答しました。ネットワークには接続していません。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nothing is known offline about {domain}: the network was not used. Try again online, or ask your provider or IT for the outgoing server.</source>
        <translation>オフラインでは {domain} の情報がありません（ネットワークは使用していません）。オンラインでもう一度試すか、送信サーバーをプロバイダーまたは社内の IT 担当者にお問い合わせください。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The lookup was cancelled.</source>
        <translation>検索を中止しました。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The network was not reached: no DNS or web server answered. Check the connection (a hotel network may first want you to sign in on a web page).</source>
        <translation>ネットワークに接続できませんでした。DNS サーバーも Web サーバーも応答しませんでした。接続を確認してください（ホテルのネットワークでは、先に Web ページでのログインが必要な場合があります）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Some places did not answer in time: {names}.</source>
        <translation>時間内に応答しなかった情報源があります: {names}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No outgoing server was found for {domain}. Ask your provider or IT which server and port to use.</source>
        <translation>{domain} の送信サーバーは見つかりませんでした。使用するサーバーとポートを、プロバイダーまたは社内の IT 担当者にお問い合わせください。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>This provider only accepts its own sign-in (OAuth2): a password will not work here. Use an app password if the provider offers one, or set up the account in a mail program that can sign in to it (Thunderbird, Outlook, Apple Mail).</source>
        <translation>このプロバイダーは独自のサインイン（OAuth2）しか受け付けないため、ここではパスワードは使えません。プロバイダーがアプリパスワードを用意している場合はそれを使うか、このサインインに対応したメールソフト（Thunderbird、Outlook、Apple Mail）でアカウントを設定してください。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This provider prefers its own sign-in (OAuth2); with a password, it may want an app password rather than your usual one.</source>
        <translation>このプロバイダーでは独自のサインイン（OAuth2）が推奨されています。パスワードを使う場合は、普段のパスワードではなくアプリパスワードが必要なことがあります。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The only route found sends without encryption: your password and mail cross the network readable. Ask the provider whether it offers port 465 (SSL/TLS) or 587 with STARTTLS.</source>
        <translation>見つかった経路は暗号化なしで送信するものだけです。パスワードとメールが読み取れる状態でネットワークを流れます。ポート 465（SSL/TLS）または 587（STARTTLS）が使えるか、プロバイダーにお問い合わせください。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Routes without encryption are listed last; use them only if nothing else works.</source>
        <translation>暗号化なしの経路は最後に表示しています。ほかの経路がどれも使えない場合にだけ使用してください。</translation>
    </message>
</context>
<context>
    <name>MailClients</name>
    <message>
        <location filename="../../op25b_wizard/core/clients/base.py" line="+270"/>
        <source>{client} is running. Close {client} completely, then try again (it would overwrite the change when it exits). Profile: {profile}</source>
        <translation>{client} が起動しています。{client} を完全に終了してから、もう一度お試しください（起動したままだと、終了するときに変更が上書きされます）。プロファイル: {profile}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No {client} outgoing server {key} sends as {email} (op25b-wizard accounts lists the keys).</source>
        <translation>{client} には、{email} として送信する送信サーバー {key} がありません（キーの一覧は op25b-wizard accounts で確認できます）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No {client} account sends as {email}.</source>
        <translation>{email} から送信する {client} のアカウントはありません。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No {client} settings found in {profile}.</source>
        <translation>{profile} に {client} の設定が見つかりません。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No {client} account that could be read sends as {email}. It may be in settings that could not be read: {reasons}</source>
        <translation>読み取れた {client} のアカウントには、{email} として送信するものがありません。読み取れなかった設定の中にある可能性があります: {reasons}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Several {client} outgoing servers send as {email}: {keys}. Name one of them.</source>
        <translation>{email} から送信する {client} の送信サーバーが複数あります: {keys}。どれか 1 つを指定してください。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The settings in {path} changed since they were read. Look at them again before changing them.</source>
        <translation>{path} の設定は、読み取った後に変更されています。変更する前に、もう一度設定を確認してください。</translation>
    </message>
    <message>
        <location filename="../../op25b_wizard/core/clients/becky.py" line="+184"/>
        <source>Cannot read {path}: it is not saved the way Becky! saves it (another program may have saved it as UTF-16)</source>
        <translation>{path} を読み取れません。Becky! が保存する形式ではありません（別のプログラムが UTF-16 で保存した可能性があります）</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>No {client} data folder was found for this user.</source>
        <translation>このユーザーの {client} のデータフォルダーが見つかりません。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Becky! cannot be set to STARTTLS by this program. Use SSL/TLS (usually port 465), or choose STARTTLS in Becky! itself.</source>
        <translation>このアプリでは、Becky! を STARTTLS に設定できません。SSL/TLS（通常はポート 465）を使用するか、Becky! 自身の設定で STARTTLS を選んでください。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Becky! cannot be set to OAuth2 by this program. Choose it in Becky! itself.</source>
        <translation>このアプリでは、Becky! を OAuth2 に設定できません。Becky! 自身の設定で選んでください。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Becky! signs in to the outgoing server with the mailbox&apos;s user ID ({current}), which also receives mail. Change the user name for sending in Becky! itself.</source>
        <translation>Becky! は、受信にも使うメールボックスのユーザーID（{current}）で送信サーバーに認証します。送信用のユーザー名は、Becky! 自身の設定で変更してください。</translation>
    </message>
    <message>
        <location filename="../../op25b_wizard/core/clients/planning.py" line="+58"/>
        <source>This sign-in method cannot be set by this program: {auth}</source>
        <translation>この認証方式は、このアプリでは設定できません: {auth}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unknown connection security: {security}</source>
        <translation>不明な接続の保護: {security}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Port out of range (1-65535): {port}</source>
        <translation>ポート番号が範囲外です（1～65535）: {port}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not a server name: {host}</source>
        <translation>サーバー名ではありません: {host}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not a user name: {user}</source>
        <translation>ユーザー名として使えません: {user}</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>its list of the values changed is damaged</source>
        <translation>変更した値の一覧が壊れています</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>its record of the settings before and after is damaged</source>
        <translation>変更前と変更後の設定の記録が壊れています</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>a file saved in it is damaged or not where it should be</source>
        <translation>保存されたファイルが壊れているか、あるべき場所にありません</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Cannot read {path}: {reason}</source>
        <translation>{path} を読み取れません: {reason}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{path} cannot be changed safely (it is read-only or not in the expected format). Nothing was changed.</source>
        <translation>{path} は安全に変更できません（読み取り専用か、想定した形式ではありません）。何も変更していません。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot write {path}: {reason}. Nothing was changed.</source>
        <translation>{path} に書き込めません: {reason}。何も変更していません。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Already set up this way: nothing to change.</source>
        <translation>すでにこの設定になっています。変更は不要です。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>There is no change by this program to undo in {client}.</source>
        <translation>{client} には、このアプリで行った変更で元に戻せるものがありません。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{path} belongs to another user (an administrator may have run this program) and cannot be changed by you. Nothing was changed.</source>
        <translation>{path} は別のユーザーのもの（管理者がこのアプリを実行した可能性があります）のため、変更できません。何も変更していません。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot save a backup in {path}: a file or a broken link has that name. Move it away, then try again. Nothing was changed.</source>
        <translation>{path} にバックアップを保存できません: 同じ名前のファイルまたは壊れたリンクがあります。それを移動してから、もう一度お試しください。何も変更していません。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot save a backup in {path}: {reason}. Nothing was changed.</source>
        <translation>{path} にバックアップを保存できません: {reason}。何も変更していません。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot read the backups in {path}: {reason}. Nothing was changed.</source>
        <translation>{path} のバックアップを読み込めません: {reason}。何も変更していません。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot undo the change saved in {path}: {reason}. Nothing was changed.</source>
        <translation>{path} に保存した変更を元に戻せません: {reason}。何も変更していません。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The backup in {path} cannot be used: {reason}</source>
        <translation>{path} のバックアップは使用できません: {reason}</translation>
    </message>
    <message>
        <location filename="../../op25b_wizard/core/clients/thunderbird.py" line="+300"/>
        <source>No {client} profile was found for this user.</source>
        <translation>このユーザーの {client} のプロファイルが見つかりません。</translation>
    </message>
    <message>
        <location line="+175"/>
        <source>{path} also sets this outgoing server and cannot be changed (it is read-only or not in the expected format). Thunderbird would keep using its values. Edit or remove those lines in user.js, then try again. Nothing was changed.</source>
        <translation>{path} でもこの送信サーバーが設定されていますが、このファイルは変更できません（読み取り専用か、想定した形式ではありません）。このままでは Thunderbird はそちらの値を使い続けます。user.js の該当する行を編集または削除してから、もう一度お試しください。何も変更していません。</translation>
    </message>
    <message>
        <location filename="../../op25b_wizard/core/clients/wording.py" line="-115"/>
        <source>(none)</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>This outgoing server also sends for: {addresses}</source>
        <translation>この送信サーバーは、次のアドレスの送信にも使われています: {addresses}</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>{setting} in {file}</source>
        <translation>{file} の {setting}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Left as it is, because it was changed after the apply: {setting} is {now} (the apply had set {after}; before that it was {before}).</source>
        <translation>適用の後に変更されていたため、そのままにしました: {setting} は {now} です（適用で {after} にしたもの。その前は {before}）。</translation>
    </message>
    <message>
        <location filename="../../op25b_wizard/core/clients/outlook.py" line="+143"/>
        <source>Outlook is a Windows program: its accounts can only be read and changed on Windows.</source>
        <translation>Outlook は Windows のプログラムです。アカウントの読み取りと変更は Windows 上でのみできます。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This computer uses the new Outlook for Windows, which keeps its accounts with Microsoft: they cannot be changed from outside Outlook. Enter the settings by hand from the settings sheet, which lists the new Outlook&apos;s steps.</source>
        <translation>このコンピューターでは新しい Outlook for Windows が使われています。アカウントは Microsoft 側に保存されるため、Outlook の外からは変更できません。設定シートに新しい Outlook での手順が載っていますので、それに沿って手で入力してください。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{email} is managed by your organisation (Exchange or Microsoft 365): this program does not change it. Your IT department sets up how it sends.</source>
        <translation>{email} は組織が管理するアカウント (Exchange または Microsoft 365) のため、このプログラムでは変更しません。送信の設定は社内の IT 部門が行います。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The Outlook account in {key} has no &quot;{name}&quot; value: it is not laid out the way Outlook lays out its accounts.</source>
        <translation>{key} の Outlook アカウントには値「{name}」がありません。Outlook がアカウントを保存する形になっていません。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The Outlook account in {key} holds &quot;{name}&quot; as {type}, which is not how Outlook stores it.</source>
        <translation>{key} の Outlook アカウントでは「{name}」が {type} で保存されていますが、Outlook はその形では保存しません。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The Outlook account in {key} holds {value} in &quot;{name}&quot;, a value Outlook does not use.</source>
        <translation>{key} の Outlook アカウントの「{name}」には Outlook が使わない値 {value} が入っています。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No Outlook profile named {name} was found (op25b-wizard accounts lists them).</source>
        <translation>{name} という名前の Outlook プロファイルは見つかりませんでした (op25b-wizard accounts で一覧を表示できます)。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Outlook can be set by this program only to sign in with the password (over an encrypted connection). Choose other sign-in methods in Outlook itself.</source>
        <translation>このプログラムで Outlook に設定できるのは、(暗号化した接続での) パスワードによる認証だけです。ほかの認証方式は Outlook で選んでください。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The Outlook settings in {key} could not be changed ({reason}). Nothing was changed.</source>
        <translation>{key} の Outlook の設定を変更できませんでした ({reason})。何も変更していません。</translation>
    </message>
    <message>
        <location line="+296"/>
        <source>No Outlook (classic) profile was found for this user.</source>
        <translation>このユーザーの Outlook (クラシック) のプロファイルは見つかりませんでした。</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>The backup could not be saved in {path} ({reason}). Nothing was changed.</source>
        <translation>{path} にバックアップを保存できませんでした ({reason})。何も変更していません。</translation>
    </message>
</context>
<context>
    <name>OsError</name>
    <message>
        <location filename="../../op25b_wizard/core/i18n.py" line="+53"/>
        <source>it does not exist</source>
        <translation>存在しません</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>permission denied</source>
        <translation>アクセス権がありません</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../op25b_wizard/core/small_file.py" line="+35"/>
        <source>it is a folder</source>
        <translation>フォルダーです</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a part of the path is not a folder</source>
        <translation>パスの途中がフォルダーではありません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it already exists</source>
        <translation>すでに存在します</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the disk is full</source>
        <translation>ディスクがいっぱいです</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the disk is read-only</source>
        <translation>ディスクが読み取り専用です</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it is in use</source>
        <translation>使用中です</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <source>too many files are open; close some programs and try again</source>
        <translation>開いているファイルが多すぎます。いくつかのプログラムを終了してから、もう一度試してください</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the computer is out of memory</source>
        <translation>コンピューターのメモリーが不足しています</translation>
    </message>
    <message>
        <location filename="../../op25b_wizard/i18n/__init__.py" line="+0"/>
        <source>{path}: {reason}</source>
        <translation>{path}: {reason}</translation>
    </message>
    <message>
        <location filename="../../op25b_wizard/core/small_file.py" line="+2"/>
        <source>it is not an ordinary file (a device, pipe or socket)</source>
        <translation>通常のファイルではありません（デバイス、パイプまたはソケットです）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>it is larger than {limit} KB, too large to be the file expected</source>
        <translation>{limit} KB を超えており、想定しているファイルとしては大きすぎます</translation>
    </message>
</context>
<context>
    <name>Outcome</name>
    <message>
        <location filename="../../op25b_wizard/core/outcome_text.py" line="+8"/>
        <source>Works</source>
        <translation>利用可能</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Works, password accepted</source>
        <translation>利用可能（パスワード確認済み）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reached, but sign-in failed</source>
        <translation>接続可・認証に失敗</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No answer (blocked?)</source>
        <translation>応答なし（ブロック？）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refused</source>
        <translation>接続拒否</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unreachable</source>
        <translation>到達不可</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server name not found</source>
        <translation>サーバー名が見つからない</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server refuses you</source>
        <translation>サーバーが接続を拒否</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a mail server</source>
        <translation>メールサーバーではない</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No encryption</source>
        <translation>暗号化なし</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encryption failed</source>
        <translation>暗号化に失敗</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Broken conversation</source>
        <translation>通信エラー</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reached, sign-in not answered in time</source>
        <translation>接続可・認証の返答が時間内になし</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not finished by the deadline</source>
        <translation>制限時間内に未完了</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>SSL/TLS</source>
        <translation>SSL/TLS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None</source>
        <translation>なし</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Normal password</source>
        <translation>通常のパスワード認証</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encrypted password</source>
        <translation>暗号化されたパスワード認証</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OAuth2 (sign-in in the browser)</source>
        <translation>OAuth2（ブラウザーでサインイン）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No sign-in</source>
        <translation>認証なし</translation>
    </message>
</context>
<context>
    <name>Outlook</name>
    <message>
        <location filename="../../op25b_wizard/core/clients/wording.py" line="-204"/>
        <source>None</source>
        <translation>なし</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SSL/TLS</source>
        <translation>SSL/TLS</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not ticked</source>
        <translation>オフ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ticked</source>
        <translation>オン</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ticked (Secure Password Authentication)</source>
        <translation>オン (セキュリティで保護されたパスワード認証)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ticked (OAuth2)</source>
        <translation>オン (OAuth2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ticked (other method)</source>
        <translation>オン (その他の方式)</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Outgoing mail server (SMTP): {before} → {after}</source>
        <translation>送信メール サーバー (SMTP): {before} → {after}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Outgoing server (SMTP) port: {before} → {after}</source>
        <translation>送信サーバー (SMTP) のポート番号: {before} → {after}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Use the following type of encrypted connection: {before} → {after}</source>
        <translation>使用する暗号化接続の種類: {before} → {after}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>My outgoing server (SMTP) requires authentication: {before} → {after}</source>
        <translation>送信サーバー (SMTP) は認証が必要: {before} → {after}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>User Name: {before} → {after}</source>
        <translation>アカウント名: {before} → {after}</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Outgoing mail server (SMTP)</source>
        <translation>送信メール サーバー (SMTP)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outgoing server (SMTP) port</source>
        <translation>送信サーバー (SMTP) のポート番号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use the following type of encrypted connection</source>
        <translation>使用する暗号化接続の種類</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>My outgoing server (SMTP) requires authentication</source>
        <translation>送信サーバー (SMTP) は認証が必要</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User Name</source>
        <translation>アカウント名</translation>
    </message>
</context>
<context>
    <name>PortTestPage</name>
    <message>
        <location filename="../../op25b_wizard/gui/page_port_test.py" line="+35"/>
        <source>the old way to send; often blocked</source>
        <translation>従来の方法。ブロックされやすい</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sending with your password</source>
        <translation>パスワードで認証して送信</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sending with your password, encrypted from the start</source>
        <translation>認証して送信（最初から暗号化）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Port {port}</source>
        <translation>ポート {port}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting…</source>
        <translation>待機中…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Testing…</source>
        <translation>テスト中…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Testing… no answer yet ({seconds} s; waiting up to {limit} s)</source>
        <translation>テスト中… まだ応答がありません（{seconds} 秒経過、最大 {limit} 秒待ちます）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Works, with encryption.</source>
        <translation>使えます（暗号化あり）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Works, and your password was accepted.</source>
        <translation>使えます。パスワードも受け付けられました。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Works, but the password was not accepted.</source>
        <translation>つながりますが、パスワードが受け付けられませんでした。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open here, but blocked on many other networks.</source>
        <translation>ここでは使えますが、ほかの多くのネットワークではブロックされています。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your mail server does not take mail here from outside.</source>
        <translation>ご利用のメールサーバーは、外部からこのポートでメールを受け付けていません。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blocked by this network.</source>
        <translation>このネットワークでブロックされています。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Turned away: by this network or by the server.</source>
        <translation>接続を拒否されました（このネットワークまたはサーバーによる）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answers, but without encryption: not safe for a password.</source>
        <translation>応答はありますが、暗号化されていません。パスワードを送るのは安全ではありません。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The encrypted connection failed: not safe.</source>
        <translation>暗号化された接続に失敗しました。安全ではありません。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No answer: blocked by this network or by the server.</source>
        <translation>応答がありません。このネットワークかサーバーでブロックされています。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Turned away: the server does not take mail on this port.</source>
        <translation>拒否されました。サーバーはこのポートでメールを受け付けていません。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot be reached from this network.</source>
        <translation>このネットワークからは接続できません。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server name was not found.</source>
        <translation>サーバー名が見つかりませんでした。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server refuses connections right now.</source>
        <translation>サーバーは現在、接続を拒否しています。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Something other than a mail server answers.</source>
        <translation>メールサーバー以外のものが応答しています。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server stopped answering.</source>
        <translation>サーバーの応答が途中で止まりました。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server answered in an unexpected way.</source>
        <translation>サーバーから予期しない応答がありました。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Works, but the server is slow to answer the sign-in.</source>
        <translation>つながりますが、サーバーが認証になかなか返答しません。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not finished in time: the test ran out of time.</source>
        <translation>時間内に終わりませんでした（テストの制限時間を過ぎました）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stopped.</source>
        <translation>中止しました。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not tested.</source>
        <translation>テストしていません。</translation>
    </message>
    <message>
        <location line="+339"/>
        <source>&amp;Open a web page</source>
        <translation>Web ページを開く（&amp;O）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opens your web browser, where this network shows its terms. Accept them, then press Test again.</source>
        <translation>Web ブラウザーを開きます。このネットワークの利用規約が表示されたら同意し、「もう一度テスト」を押してください。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The test could not run</source>
        <translation>テストを実行できませんでした</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Testing the ways to send</source>
        <translation>送信方法のテスト</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This takes a few seconds. Nothing is sent.</source>
        <translation>数秒かかります。メールは送信されません。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Testing which ways to send mail work from this network (server {host}):</source>
        <translation>このネットワークから使える送信方法をテストしています（サーバー {host}）:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Details…</source>
        <translation>詳細（&amp;D）…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test &amp;again</source>
        <translation>もう一度テスト（&amp;A）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;top</source>
        <translation>中止（&amp;T）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Testing</source>
        <translation>テスト中</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The test was stopped</source>
        <translation>テストを中止しました</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Press Test again to start it again.</source>
        <translation>［もう一度テスト］を押すと、テストをやり直します。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Press Next to switch your mail program to it.</source>
        <translation>［次へ］を押すと、メールソフトをこのポートに切り替えます。</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <location filename="../../op25b_wizard/gui/qt_texts.py" line="+13"/>
        <source>Folder</source>
        <translation>フォルダー</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drive</source>
        <translation>ドライブ</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location line="-3"/>
        <source>&amp;Look in:</source>
        <translation>場所(&amp;L):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files of &amp;type:</source>
        <translation>ファイルの種類(&amp;T):</translation>
    </message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <message>
        <location line="+3"/>
        <source>Pages</source>
        <translation>ページ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Specify pages or ranges separated by commas. Ranges are specified by two numbers separated by a hyphen. E.g: 3,5-7,9 prints pages 3, 5, 6, 7 and 9.</source>
        <translation>ページまたは範囲をカンマで区切って指定します。範囲は 2 つの数字をハイフンでつなぎます。例: 3,5-7,9 と指定すると 3、5、6、7、9 ページを印刷します。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Page &amp;Set:</source>
        <translation>印刷するページ(&amp;S):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Double Sided Printing</source>
        <translation>両面印刷</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Off</source>
        <translation>オフ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Long side binding</source>
        <translation>長辺とじ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Short side binding</source>
        <translation>短辺とじ</translation>
    </message>
</context>
<context>
    <name>ReadyPage</name>
    <message>
        <location filename="../../op25b_wizard/gui/page_ready.py" line="+165"/>
        <source>Copied</source>
        <translation>コピーしました</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Ready for your trip</source>
        <translation>出張や旅行の準備ができました</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your mail will send from hotels and other networks.</source>
        <translation>ホテルなどのネットワークからも、メールを送信できます。</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Not ready yet</source>
        <translation>まだ準備ができていません</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Almost ready</source>
        <translation>あと少しです</translation>
    </message>
    <message>
        <location line="-184"/>
        <source>Test again</source>
        <translation>もう一度テスト</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the port</source>
        <translation>ポートを選ぶ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go to sign-in</source>
        <translation>認証の画面へ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go to Apply</source>
        <translation>適用の画面へ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Try again</source>
        <translation>もう一度試す</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show the settings</source>
        <translation>設定を表示</translation>
    </message>
    <message>
        <location line="+169"/>
        <source>Something still needs fixing: the buttons below lead there. The helpdesk can help.</source>
        <translation>まだ直すところがあります。下のボタンからその画面に戻れます。ヘルプデスクにも相談できます。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A step in the list below is still open: its button leads there.</source>
        <translation>下の一覧に、まだ終わっていない手順があります。横のボタンからその画面に戻れます。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Support code (tell it to your helpdesk)</source>
        <translation>サポートコード（ヘルプデスクにお伝えください）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Support code</source>
        <translation>サポートコード</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy</source>
        <translation>コピー（&amp;C）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Send a test message to myself</source>
        <translation>自分宛てにテストメールを送信（&amp;S）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>What to try</source>
        <translation>試してほしいこと</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check that this computer is online (Wi-Fi or cable connected).</source>
        <translation>このコンピューターがインターネットにつながっているか（Wi-Fi やケーブル）を確認してください。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Then press Test again above.</source>
        <translation>そのあと、上の［もう一度テスト］を押してください。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>If mail still does not send</source>
        <translation>それでもメールを送信できない場合</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close your mail program and open it again.</source>
        <translation>メールソフトを終了して、もう一度起動してください。</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>On a hotel or airport network, open any web page first: you may have to accept its terms before mail works.</source>
        <translation>ホテルや空港のネットワークでは、先に何か Web ページを開いてください。メールを使う前に、利用規約への同意が必要な場合があります。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Run this wizard again there: it tests that network.</source>
        <translation>その場所でこのウィザードをもう一度実行してください。そのネットワークでテストできます。</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Call your helpdesk and read them the support code above.</source>
        <translation>ヘルプデスクに電話して、上のサポートコードを読み上げてください。</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Sends one short message to {email}.</source>
        <translation>{email} 宛てに短いメールを 1 通送信します。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your password was not accepted: correct it on the sign-in page.</source>
        <translation>パスワードが受け付けられませんでした。認証のページで修正してください。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Needs your password on the sign-in page.</source>
        <translation>「認証と暗号化」のページでパスワードを入力する必要があります。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sending…</source>
        <translation>送信しています…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sent. Look for it in your inbox in a minute.</source>
        <translation>送信しました。1 分ほどしたら、受信トレイを確認してください。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The test message could not be sent.</source>
        <translation>テストメールを送信できませんでした。</translation>
    </message>
</context>
<context>
    <name>Secrets</name>
    <message>
        <location filename="../../op25b_wizard/core/secrets.py" line="+43"/>
        <source>keyring</source>
        <translation>キーリング</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>KDE Wallet</source>
        <translation>KDE ウォレット</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Windows Credential Manager</source>
        <translation>Windows 資格情報マネージャー</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keychain</source>
        <translation>キーチェーン</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>No password store was found on this computer, so the password cannot be remembered. You will be asked for it when it is needed.</source>
        <translation>このコンピューターにはパスワード保管庫が見つからないため、パスワードを記憶できません。必要なときにパスワードの入力を求めます。</translation>
    </message>
    <message>
        <location line="+10"/>
        <location filename="../../op25b_wizard/gui/screenshots.py" line="-46"/>
        <source>The password is kept in this computer&apos;s {store}.</source>
        <translation>パスワードは、このコンピューターの「{store}」に保管されます。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The only password store available keeps passwords in a file ({path}), which is not safe, so the password is not remembered. You will be asked for it when it is needed.</source>
        <translation>利用できるパスワード保管庫は、パスワードをファイル（{path}）に保存する安全でないものだけのため、パスワードは記憶しません。必要なときにパスワードの入力を求めます。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The password store &quot;{name}&quot; is not one known to keep passwords safe, so the password is not remembered. You will be asked for it when it is needed.</source>
        <translation>パスワード保管庫「{name}」は、パスワードを安全に保管できるか確認されていないため、パスワードは記憶しません。必要なときにパスワードの入力を求めます。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>it is not installed ({detail})</source>
        <translation>インストールされていません（{detail}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it does not work on this computer ({detail})</source>
        <translation>このコンピューターでは動作しません（{detail}）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>it is not a password store ({detail})</source>
        <translation>パスワード保管庫ではありません（{detail}）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The password store named in the environment variable PYTHON_KEYRING_BACKEND ({name}) cannot be used: {problem}. So the password cannot be remembered. You will be asked for it when it is needed.</source>
        <translation>環境変数 PYTHON_KEYRING_BACKEND で指定されたパスワード保管庫（{name}）は使用できません: {problem}。そのため、パスワードを保存できません。必要なときにパスワードの入力を求められます。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The password store settings file {path} cannot be read ({detail}). So the password cannot be remembered. You will be asked for it when it is needed.</source>
        <translation>パスワード保管庫の設定ファイル {path} を読み取れません（{detail}）。そのため、パスワードを保存できません。必要なときにパスワードの入力を求められます。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The password store chosen in {path} ({name}) cannot be used: {problem}. So the password cannot be remembered. You will be asked for it when it is needed.</source>
        <translation>{path} で指定されたパスワード保管庫（{name}）は使用できません: {problem}。そのため、パスワードを保存できません。必要なときにパスワードの入力を求められます。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The password store could not be started: {problem}. So the password cannot be remembered. You will be asked for it when it is needed.</source>
        <translation>パスワード保管庫を起動できませんでした: {problem}。そのため、パスワードを保存できません。必要なときにパスワードの入力を求められます。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>{action}: {detail}</source>
        <translation>{action}: {detail}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A server name and a user name are both needed to find the password.</source>
        <translation>パスワードを探すには、サーバー名とユーザー名の両方が必要です。</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+102"/>
        <source>The password is empty.</source>
        <translation>パスワードが入力されていません。</translation>
    </message>
    <message>
        <location line="-95"/>
        <source>The {store} did not store the password</source>
        <translation>「{store}」にパスワードを保存できませんでした</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The {store} did not give the password</source>
        <translation>「{store}」からパスワードを取得できませんでした</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The {store} did not delete the password</source>
        <translation>「{store}」からパスワードを削除できませんでした</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>msmtp can only find a password in a Secret Service keyring (GNOME Keyring or KDE Wallet on Linux), and none is running.</source>
        <translation>msmtp がパスワードを見つけられるのは Secret Service のキーリング（Linux の GNOME キーリングまたは KDE ウォレット）だけですが、動作しているものがありません。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The keyring could not be opened</source>
        <translation>キーリングを開けませんでした</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The keyring is locked; unlock it and try again.</source>
        <translation>キーリングがロックされています。ロックを解除してから、もう一度お試しください。</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>The keyring did not store the password for msmtp</source>
        <translation>キーリングに msmtp 用のパスワードを保存できませんでした</translation>
    </message>
</context>
<context>
    <name>SelfCheck</name>
    <message>
        <location filename="../../op25b_wizard/gui/self_check.py" line="+73"/>
        <source>{client}: installed, no profile yet (start it once)</source>
        <translation>{client}: インストール済み、プロファイルはまだありません（一度起動してください）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{client}: not found</source>
        <translation>{client}: 見つかりません</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{client}: {profiles} profile(s), {accounts} account(s)</source>
        <translation>{client}: プロファイル {profiles} 個、アカウント {accounts} 個</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>none (no op25b-preset.xml beside the program)</source>
        <translation>なし（プログラムと同じ場所に op25b-preset.xml がありません）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{path}, NOT usable: {reason}</source>
        <translation>{path}、使用できません: {reason}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path}, for {domains} ({servers})</source>
        <translation>{path}、対象 {domains}（{servers}）</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Version</source>
        <translation>バージョン</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>platform {name}</source>
        <translation>プラットフォーム {name}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>built-in English</source>
        <translation>組み込みの英語</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} catalogue(s) loaded: {files}</source>
        <translation>翻訳カタログ {count} 個を読み込み済み: {files}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>First page</source>
        <translation>最初のページ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>shown in {seconds} s</source>
        <translation>{seconds} 秒で表示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NOT shown</source>
        <translation>表示されません</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+11"/>
        <location line="+4"/>
        <source>could not be checked: {error}</source>
        <translation>確認できませんでした: {error}</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>{name}, safe ({store})</source>
        <translation>{name}、安全（{store}）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name}, NOT safe: {reason}</source>
        <translation>{name}、安全ではありません: {reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keyring</source>
        <translation>キーリング</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mail clients</source>
        <translation>メールソフト</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Company preset</source>
        <translation>会社指定の設定</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>usable</source>
        <translation>使用できます</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NOT usable: the window could not be shown</source>
        <translation>使用できません: ウィンドウを表示できませんでした</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../op25b_wizard/gui/wizard.py" line="+170"/>
        <source>&amp;Help</source>
        <translation>ヘルプ（&amp;H）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User &amp;guide</source>
        <translation>使い方ガイド（&amp;G）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Helpdesk mode: show page numbers and the support code</source>
        <translation>ヘルプデスクモード: ページ番号とサポートコードを表示</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Mail setup for travel</source>
        <translation>出張・旅行用のメール設定</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>page {page}</source>
        <translation>{page} ページ</translation>
    </message>
</context>
<context>
    <name>Sheet</name>
    <message>
        <location filename="../../op25b_wizard/core/exports/sheet_html.py" line="+32"/>
        <source>Yes (ticked)</source>
        <translation>はい（チェックあり）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No (not ticked)</source>
        <translation>いいえ（チェックなし）</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Where to enter these</source>
        <translation>設定する場所</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Apple Mail on a Mac</source>
        <translation>Mac の「メール」</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mail &gt; Settings &gt; Accounts &gt; the account &gt; Server Settings. Under Outgoing Mail Account, untick &quot;Automatically manage connection settings&quot;, then set Port, tick &quot;Use TLS/SSL&quot; and choose Authentication &quot;Password&quot;.</source>
        <translation>「メール」&gt;「設定」&gt;「アカウント」&gt; 該当のアカウント &gt;「サーバ設定」。「送信用メールアカウント」で「接続設定を自動的に管理」のチェックを外し、「ポート」を設定して「TLS/SSLを使用」にチェックを付け、「認証」で「パスワード」を選びます。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mail on iPhone and iPad</source>
        <translation>iPhone・iPad の「メール」</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings &gt; Apps &gt; Mail &gt; Mail Accounts (before iOS 18: Settings &gt; Mail &gt; Accounts) &gt; the account &gt; Account &gt; SMTP &gt; Primary Server: Use SSL on, Authentication &quot;Password&quot;, Server Port.</source>
        <translation>「設定」&gt;「アプリ」&gt;「メール」&gt;「メールアカウント」（iOS 18 より前は「設定」&gt;「メール」&gt;「アカウント」）&gt; 該当のアカウント &gt;「アカウント」&gt;「SMTP」&gt;「プライマリサーバ」で、「SSLを使用」をオン、「認証」を「パスワード」にし、「サーバポート」を設定します。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Account Settings &gt; Outgoing Server (SMTP) &gt; the server &gt; Edit.</source>
        <translation>「アカウント設定」&gt;「送信 (SMTP) サーバー」&gt; 該当のサーバー &gt;「編集」。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tools &gt; Mailbox settings (メールボックスの設定) &gt; Basic: SMTP server; Advanced: SMTP port, SSL/TLS, SMTP authentication.</source>
        <translation>「ツール」&gt;「メールボックスの設定」で、「基本設定」タブの SMTP サーバー、「詳細」タブの SMTP ポート、SSL/TLS、SMTP 認証。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Outgoing mail server (SMTP)</source>
        <translation>送信サーバー（SMTP）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port</source>
        <translation>ポート番号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connection security</source>
        <translation>接続の保護</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This server requires a secure connection (SSL/TLS)</source>
        <translation>このサーバーは暗号化された接続（SSL/TLS）が必要</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>My outgoing server (SMTP) requires authentication</source>
        <translation>送信サーバー（SMTP）は認証が必要</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Authentication method</source>
        <translation>認証方式</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User name</source>
        <translation>ユーザー名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your mail password (never printed on this sheet)</source>
        <translation>メールのパスワード（このシートには印刷されません）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Setting</source>
        <translation>設定項目</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Before</source>
        <translation>変更前</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>After (set this)</source>
        <translation>変更後（この値を設定）</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>What the test found</source>
        <translation>テストの結果</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ports of {host} from the network where the test ran:</source>
        <translation>テストを行ったネットワークから見た {host} の各ポート:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>port {port}: {result}</source>
        <translation>ポート {port}: {result}</translation>
    </message>
    <message>
        <location line="-143"/>
        <source>Mail settings for sending</source>
        <translation>メール送信の設定</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>File &gt; Account Settings &gt; Server Settings, under Outgoing mail. The password is not changed there: Outlook asks for it once, the next time it sends.</source>
        <translation>「ファイル」&gt;「アカウント設定」&gt;「サーバーの設定」の「送信メール」。パスワードはそこでは変更しません。次に送信するときに Outlook が一度だけたずねます。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The new Outlook for Windows</source>
        <translation>新しい Outlook for Windows</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings &gt; Accounts &gt; Email accounts. Its POP and IMAP accounts cannot be changed from outside: remove the account, then Add account with the same address, choose IMAP or POP, open the advanced settings and enter the outgoing (SMTP) server, port, secure connection type, user name and password.</source>
        <translation>「設定」&gt;「アカウント」&gt;「メール アカウント」。POP と IMAP のアカウントは外から変更できないため、アカウントを削除してから同じアドレスで「アカウントを追加」し、IMAP または POP を選んで詳細設定を開き、送信 (SMTP) サーバー、ポート、セキュリティで保護された接続の種類、ユーザー名、パスワードを入力します。</translation>
    </message>
    <message>
        <location line="+140"/>
        <source>Made on {date} by op25b-wizard {version}</source>
        <translation>{date} に op25b-wizard {version} で作成</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Many hotel, mobile and home networks block port 25, the old port for sending mail. Change the outgoing server (SMTP) settings of your mail program as shown below; it then sends through the secure submission port {port} from anywhere. The settings for receiving mail do not change.</source>
        <translation>ホテル、モバイル、家庭のネットワークの多くでは、OP25B（ポート25ブロック）により、メール送信用の古いポートであるポート 25 が使えません。メールソフトの送信サーバー（SMTP）の設定を、下の表のとおりに変更してください。変更後は、安全なサブミッションポート（送信用ポート）の {port} 番を使って、どこからでも送信できます。受信メールの設定は変わりません。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Many hotel, mobile and home networks block port 25, the old port for sending mail. Change the outgoing server (SMTP) settings of your mail program as shown below; it then sends through port {port}. The settings for receiving mail do not change.</source>
        <translation>ホテル、モバイル、家庭のネットワークの多くでは、OP25B（ポート25ブロック）により、メール送信用の古いポートであるポート 25 が使えません。メールソフトの送信サーバー（SMTP）の設定を、下の表のとおりに変更してください。変更後は、ポート {port} 番を使って送信します。受信メールの設定は変わりません。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Support code</source>
        <translation>サポートコード</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>If sending still fails, tell the helpdesk this code: it says what the test found.</source>
        <translation>それでも送信できない場合は、このコードをヘルプデスクにお伝えください。このコードからテストの結果がわかります。</translation>
    </message>
</context>
<context>
    <name>SigninPage</name>
    <message>
        <location filename="../../op25b_wizard/gui/page_signin.py" line="+311"/>
        <source>Sign-in and encryption</source>
        <translation>認証と暗号化</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sending needs your mail password, like receiving does.</source>
        <translation>受信と同じように、送信にもメールのパスワードが必要です。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>My server requires &amp;authentication</source>
        <translation>送信サーバーは認証が必要（&amp;A）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use the &amp;same user name and password as for receiving ({user})</source>
        <translation>受信メールサーバーと同じ設定を使用する（{user}）（&amp;S）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Log on using another user name</source>
        <translation>次のユーザー名とパスワードでログオンする（&amp;L）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;User name:</source>
        <translation>ユーザー名（&amp;U）:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User name</source>
        <translation>ユーザー名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password:</source>
        <translation>パスワード（&amp;P）:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your mail password</source>
        <translation>メールのパスワード</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encryption:</source>
        <translation>接続の保護：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{security} on port {port} (chosen by the test)</source>
        <translation>{security}、ポート {port}（テストで選択）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This server does not encrypt the connection. Anyone on this network could read your password.</source>
        <translation>このサーバーは接続を暗号化しません。このネットワーク上のだれでもパスワードを読み取れてしまいます。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>I understand the &amp;risks and want to send my password without encryption</source>
        <translation>危険性を理解したうえで、パスワードを暗号化せずに送信する（&amp;R）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Test sign-in</source>
        <translation>認証をテスト（&amp;T）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>password store</source>
        <translation>パスワード保管庫</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>R&amp;emember the password in this computer&apos;s {store}</source>
        <translation>パスワードをこのコンピューターの「{store}」に保存する（&amp;E）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The password cannot be remembered safely on this computer: {reason}</source>
        <translation>このコンピューターでは、パスワードを安全に保存できません：{reason}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Checks your password once with the server.</source>
        <translation>サーバーでパスワードを 1 回だけ確認します。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Checking…</source>
        <translation>確認しています…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your password was accepted.</source>
        <translation>パスワードが受け付けられました。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The server could not be reached, so the password was not checked. Check the connection and press Test sign-in again, or press Next to go on without checking it.</source>
        <translation>サーバーに接続できなかったため、パスワードは確認できませんでした。接続を確認して［認証をテスト］をもう一度押すか、確認せずに進む場合は［次へ］を押してください。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The sign-in did not work.</source>
        <translation>認証できませんでした。</translation>
    </message>
</context>
<context>
    <name>SupportCode</name>
    <message>
        <location filename="../../op25b_wizard/core/support_code.py" line="+131"/>
        <source>a support code has 12 letters and digits (like ABCD-EFGH-2345)</source>
        <translation>サポートコードは英数字 12 文字です（例: ABCD-EFGH-2345）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{char} does not occur in support codes</source>
        <translation>{char} はサポートコードに使われない文字です</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>this support code does not check out: a character is wrong</source>
        <translation>確認用の文字が一致しません。どこかの文字が間違っています</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+8"/>
        <source>this support code is not one this version knows</source>
        <translation>このバージョンでは解読できないサポートコードです</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>this support code is from another version of op25b-wizard</source>
        <translation>このサポートコードは、別のバージョンの op25b-wizard で作られたものです</translation>
    </message>
</context>
<context>
    <name>SwitchPage</name>
    <message>
        <location filename="../../op25b_wizard/gui/page_switch.py" line="+95"/>
        <source>Switch to the sending port</source>
        <translation>送信用ポートに切り替え</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The change that lets mail send from anywhere, together with your password on the next screen.</source>
        <translation>この変更と、次の画面で入力するパスワードで、どこからでもメールを送信できるようになります。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Let me choose the port myself (advanced)</source>
        <translation>ポートを自分で選ぶ（上級者向け）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ports that worked in the test</source>
        <translation>テストで使えたポート</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Port {port} — {security} (recommended)</source>
        <translation>ポート {port} — {security}（推奨）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Port {port} — no encryption (not safe)</source>
        <translation>ポート {port} — 暗号化なし（安全ではありません）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Port {port} — {security}</source>
        <translation>ポート {port} — {security}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{client} already sends through port {port}.</source>
        <translation>{client} はすでにポート {port} で送信しています。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{client} will send through port {after} instead of port {before}:</source>
        <translation>{client} は、ポート {before} の代わりにポート {after} で送信するようになります:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your mail program should send through this port:</source>
        <translation>メールソフトは次のポートで送信してください:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port {port}</source>
        <translation>ポート {port}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(outgoing server {host})</source>
        <translation>（送信サーバー {host}）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Port 25, the old way of sending mail, is closed from here. Port {port} is the way made for sending with your password, and it works here.</source>
        <translation>従来の送信方法であるポート 25 は、ここからは接続できません。ポート {port} は、パスワードを使って送信するための方法で、ここでも使えます。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This network blocks port 25, the old way of sending mail. Port {port} is the way made for sending with your password, and it works here.</source>
        <translation>このネットワークでは、従来の送信方法であるポート 25 が使えません。ポート {port} は、パスワードを使って送信するための方法で、ここでも使えます。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Port {port} is the way made for sending with your password. It works here, and on hotel and mobile networks too.</source>
        <translation>ポート {port} は、パスワードを使って送信するための方法です。ここでも、ホテルやモバイルのネットワークでも使えます。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Warning: this port has no encryption. Anyone on the same network could read your password. Ask your provider for secure settings if you can.</source>
        <translation>警告: このポートは暗号化されていません。同じネットワーク上のだれでもパスワードを読み取れてしまいます。できれば、安全な設定をプロバイダーにお問い合わせください。</translation>
    </message>
</context>
<context>
    <name>Target</name>
    <message>
        <location filename="../../op25b_wizard/core/targets.py" line="+25"/>
        <source>{text} is not a valid server name or IP address</source>
        <translation>{text} は、サーバー名または IP アドレスとして正しくありません。</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>in the e-mail address {text}, the part after @ must be a domain name, not an IP address</source>
        <translation>メールアドレス {text} の @ より後の部分は、IP アドレスではなくドメイン名にしてください</translation>
    </message>
    <message>
        <location filename="../../op25b_wizard/cli/clients.py" line="+127"/>
        <location filename="../../op25b_wizard/core/targets.py" line="-65"/>
        <source>{text} is not a valid e-mail address</source>
        <translation>{text} は、メールアドレスとして正しくありません。</translation>
    </message>
    <message>
        <location filename="../../op25b_wizard/core/targets.py" line="+27"/>
        <source>the server name is empty</source>
        <translation>サーバー名が空です。</translation>
    </message>
</context>
<context>
    <name>Thunderbird</name>
    <message>
        <location filename="../../op25b_wizard/core/clients/wording.py" line="-189"/>
        <source>None</source>
        <translation>なし</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SSL/TLS</source>
        <translation>SSL/TLS</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No authentication</source>
        <translation>認証なし</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Normal password</source>
        <translation>通常のパスワード認証</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encrypted password</source>
        <translation>暗号化されたパスワード認証</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OAuth2</source>
        <translation>OAuth2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other (Kerberos, NTLM or certificate)</source>
        <translation>その他（Kerberos、NTLM、証明書）</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Server Name: {before} → {after}</source>
        <translation>サーバー名: {before} → {after}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Port: {before} → {after}</source>
        <translation>ポート番号: {before} → {after}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connection security: {before} → {after}</source>
        <translation>接続の保護: {before} → {after}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Authentication method: {before} → {after}</source>
        <translation>認証方式: {before} → {after}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>User Name: {before} → {after}</source>
        <translation>ユーザー名: {before} → {after}</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>Server Name</source>
        <translation>サーバー名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port</source>
        <translation>ポート番号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connection security</source>
        <translation>接続の保護</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Authentication method</source>
        <translation>認証方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User Name</source>
        <translation>ユーザー名</translation>
    </message>
</context>
<context>
    <name>Verdict</name>
    <message>
        <location filename="../../op25b_wizard/core/verdicts.py" line="+66"/>
        <source>The mail server could not be reached</source>
        <translation>メールサーバーに接続できませんでした</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port 25 is answered by another server</source>
        <translation>ポート 25 に別のサーバーが応答しています</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server&apos;s security certificate is not valid</source>
        <translation>サーバーのセキュリティ証明書が無効です</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The encrypted connection failed</source>
        <translation>暗号化された接続に失敗しました</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No encryption offered</source>
        <translation>暗号化に対応していません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User name or password not accepted</source>
        <translation>ユーザー名またはパスワードが受け付けられませんでした</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign-in method not accepted</source>
        <translation>認証方式が受け付けられませんでした</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign-in could not be checked right now</source>
        <translation>現在、認証を確認できません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The mail server refused the connection</source>
        <translation>メールサーバーが接続を拒否しました</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This network blocks port 25</source>
        <translation>このネットワークはポート 25 をブロックしています</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The mail server refuses port 25 from outside</source>
        <translation>メールサーバーが外部からのポート 25 を受け付けていません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IPv6 does not work on this network</source>
        <translation>このネットワークでは IPv6 が使えません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No secure sending port found</source>
        <translation>安全な送信用ポートが見つかりませんでした</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Secure sending works</source>
        <translation>安全に送信できます</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The test was stopped</source>
        <translation>テストを中止しました</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This network wants you to accept its terms first</source>
        <translation>このネットワークでは、先に利用規約への同意が必要です</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server is slow to answer the sign-in</source>
        <translation>サーバーの認証の返答が遅れています</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The test ran out of time</source>
        <translation>テストが制限時間を過ぎました</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Port 25 is closed from here</source>
        <translation>ここからはポート 25 に接続できません</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>it has expired</source>
        <translation>有効期限切れ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it is not valid yet</source>
        <translation>有効期間の開始前</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it is for a different server name</source>
        <translation>別のサーバー名の証明書</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it was issued by an authority this computer does not trust</source>
        <translation>このコンピューターが信頼していない認証局の発行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it was signed by the server itself</source>
        <translation>サーバー自身による署名（自己署名）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the two sides could not agree on encryption</source>
        <translation>暗号化の方式について双方が合意できなかった</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unexpected data was slipped in before encryption started</source>
        <translation>暗号化の開始前に予期しないデータが紛れ込んだ</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>The server name {host} could not be found.</source>
        <translation>サーバー名 {host} が見つかりませんでした。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>None of the mail ports of {host} answered from this network.</source>
        <translation>このネットワークからは、{host} のメール用ポートのどれからも応答がありませんでした。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the server name and that this computer is online. On a hotel network, open a web page first: you may have to accept its terms.</source>
        <translation>サーバー名と、このコンピューターがインターネットに接続されていることを確認してください。ホテルのネットワークでは、先に Web ページを開いてください。利用規約への同意が必要な場合があります。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>On port 25 another server ({seen}) answers in place of your mail server ({expected}). This network redirects port 25.</source>
        <translation>ポート 25 では、ご利用のメールサーバー（{expected}）ではなく、別のサーバー（{seen}）が応答しています。このネットワークはポート 25 の通信を別のサーバーに転送しています。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Do not send on port 25 here. Use the encrypted submission port recommended below.</source>
        <translation>このネットワークでは、ポート 25 で送信しないでください。下に示す、暗号化されたサブミッションポート（送信用ポート）を使用してください。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The security certificate on port {port} is not valid: {problem}. Someone could be listening in, so no password was sent.</source>
        <translation>ポート {port} のセキュリティ証明書は無効です（{problem}）。通信が盗聴されているおそれがあるため、パスワードは送信していません。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Check the server name. If your company uses its own certificates, ask IT for the certificate file. Otherwise tell your helpdesk the support code.</source>
        <translation>サーバー名を確認してください。会社独自の証明書を使っている場合は、社内の IT 担当者に証明書ファイルを依頼してください。それ以外の場合は、サポートコードをヘルプデスクにお伝えください。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The encrypted connection on port {port} could not be set up: {problem}. No password was sent.</source>
        <translation>ポート {port} で暗号化された接続を確立できませんでした（{problem}）。パスワードは送信していません。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Try again on another network. If it keeps failing, tell your helpdesk the support code.</source>
        <translation>別のネットワークでもう一度お試しください。それでも失敗する場合は、サポートコードをヘルプデスクにお伝えください。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Port {port} offers no encryption. As you allowed it, your password was sent unencrypted: anyone on this network could have read it.</source>
        <translation>ポート {port} は暗号化に対応していません。暗号化なしの送信が許可されていたため、パスワードは暗号化されずに送信されました。このネットワーク上のだれでも読み取れた可能性があります。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Port {port} offers no encryption, so anyone on this network could read your password. It was not sent.</source>
        <translation>ポート {port} は暗号化に対応していないため、このネットワーク上のだれでもパスワードを読み取れてしまいます。パスワードは送信していません。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Use a port with encryption (465 or 587). If your provider offers none, ask them for secure settings.</source>
        <translation>暗号化に対応したポート（465 または 587）を使用してください。プロバイダーが対応していない場合は、安全な設定をプロバイダーにお問い合わせください。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The mail server did not accept the user name or password.</source>
        <translation>メールサーバーがユーザー名またはパスワードを受け付けませんでした。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the user name (often your full e-mail address) and the password, then test again. Many wrong tries can lock the account.</source>
        <translation>ユーザー名（多くの場合はメールアドレス全体）とパスワードを確認してから、もう一度テストしてください。何度も間違えると、アカウントがロックされることがあります。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The mail server did not accept this way of signing in on port {port}.</source>
        <translation>メールサーバーは、ポート {port} でこの認証方式を受け付けませんでした。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask your provider how to sign in: some need an app password or a sign-in in the web browser.</source>
        <translation>認証の方法をプロバイダーにお問い合わせください。アプリパスワードや、Web ブラウザーでのサインインが必要な場合があります。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The mail server could not check your password just now.</source>
        <translation>メールサーバーが一時的にパスワードを確認できませんでした。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wait a few minutes and test again.</source>
        <translation>数分待ってから、もう一度テストしてください。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The mail server on port {port} is refusing connections right now.</source>
        <translation>ポート {port} のメールサーバーは、現在接続を拒否しています。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Try again later. If it keeps happening, contact your mail provider.</source>
        <translation>しばらくしてから、もう一度お試しください。何度も起きる場合は、メールのプロバイダーにお問い合わせください。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Port 25, the old port for sending mail, turns connections away from here (this network or the mail server does). A mail program that sends on port 25 cannot send from here.</source>
        <translation>メール送信用の古いポートであるポート 25 は、ここからの接続を受け付けません（このネットワークかメールサーバーが拒否しています）。ポート 25 で送信するメールソフトは、ここからは送信できません。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This network blocks port 25, the old port for sending mail. A mail program that sends on port 25 cannot send from here.</source>
        <translation>このネットワークでは、メール送信用の古いポートであるポート 25 が使えません。ポート 25 で送信するメールソフトは、ここからは送信できません。</translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+4"/>
        <source>Send through the submission port instead, as recommended below.</source>
        <translation>代わりに、下に示すサブミッションポート（送信用ポート）を使って送信してください。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your mail server does not accept mail on port 25 from outside its own network.</source>
        <translation>ご利用のメールサーバーは、自身のネットワークの外からポート 25 で届くメールを受け付けていません。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send through the submission port with sign-in, as recommended below.</source>
        <translation>下に示すとおり、サブミッションポート（送信用ポート）を使い、認証を行って送信してください。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The newer internet protocol (IPv6) does not work on this network; the older one (IPv4) was used.</source>
        <translation>このネットワークでは新しいインターネットプロトコル（IPv6）が使えないため、従来のプロトコル（IPv4）を使用しました。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing to do: mail programs fall back to IPv4 by themselves.</source>
        <translation>対処は不要です。メールソフトは自動的に IPv4 に切り替えます。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No secure sending port (465 or 587) of {host} works from this network.</source>
        <translation>このネットワークからは、{host} の安全な送信用ポート（465 または 587）がどれも使えません。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask your mail provider for its secure sending settings, or run the test again on another network.</source>
        <translation>安全に送信するための設定をメールのプロバイダーにお問い合わせいただくか、別のネットワークでもう一度テストしてください。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Secure sending works on port {port}. Port 25 also works here, but it will not on hotel and mobile networks.</source>
        <translation>ポート {port} で安全に送信できます。このネットワークではポート 25 も使えますが、ホテルやモバイルのネットワークでは、たいてい使えません。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Secure sending works on port {port}.</source>
        <translation>ポート {port} で安全に送信できます。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use the settings below: they work on any network.</source>
        <translation>下の設定を使用してください。どのネットワークでも送信できます。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This looks like a hotel or guest network that shows its own web page until you accept its terms: the network answered in place of your mail server. Your password was not sent.</source>
        <translation>ホテルなどのゲスト用ネットワークのようです。利用規約に同意するまで独自の Web ページを表示し、メールサーバーの代わりにネットワークが応答しています。パスワードは送信していません。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open any web page in your browser, accept the hotel&apos;s terms (or sign in to the network there), then test again.</source>
        <translation>ブラウザーで Web ページを開き、ホテルの利用規約に同意して（またはそこでネットワークにログインして）から、もう一度テストしてください。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Port {port} can be reached, but the mail server did not answer the sign-in within {seconds} seconds, so the password could not be checked. Servers answer slowly on purpose after wrong passwords.</source>
        <translation>ポート {port} にはつながりますが、メールサーバーが {seconds} 秒以内に認証へ返答しなかったため、パスワードを確認できませんでした。誤ったパスワードが続くと、サーバーはわざと返答を遅らせます。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Wait a minute and try again.</source>
        <translation>1 分ほど待ってから、もう一度お試しください。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The test stopped after {seconds} seconds. Ports not finished by then: {ports}.</source>
        <translation>テストは {seconds} 秒で打ち切られました。それまでに終わらなかったポート: {ports}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Test again. If it happens again, the network or the mail server is very slow: tell your helpdesk the support code.</source>
        <translation>もう一度テストしてください。再び起きる場合は、ネットワークかメールサーバーがとても遅くなっています。ヘルプデスクにサポートコードを伝えてください。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The test was stopped before it finished.</source>
        <translation>テストは完了する前に中止されました。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run the test again.</source>
        <translation>もう一度テストしてください。</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../op25b_wizard/gui/page_welcome.py" line="+72"/>
        <source>Send mail from anywhere</source>
        <translation>どこからでもメールを送信</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set up your mail program for your trip</source>
        <translation>出張や旅行の前にメールソフトを設定しましょう</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mail may not send from hotels and other networks. This wizard sets your mail program right in about two minutes.</source>
        <translation>ホテルなどのネットワークでは、メールを送信できないことがあります。このウィザードで、2 分ほどでメールソフトを正しく設定できます。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Press Next to start. Nothing is changed until you agree.</source>
        <translation>［次へ］を押して始めてください。同意するまで、何も変更されません。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language:</source>
        <translation>言語:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Language: {name}</source>
        <translation>言語: {name}</translation>
    </message>
</context>
<context>
    <name>WizardPageBase</name>
    <message>
        <location filename="../../op25b_wizard/gui/page_base.py" line="+157"/>
        <source>Page {page} of {total}</source>
        <translation>{page}/{total} ページ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Support code: {code}</source>
        <translation>サポートコード: {code}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Support code: after the port test</source>
        <translation>サポートコード: ポートのテスト後に表示</translation>
    </message>
</context>
<context>
    <name>Wording</name>
    <message>
        <location filename="../../op25b_wizard/gui/wording.py" line="+16"/>
        <source>Server Name:</source>
        <translation>サーバー名:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port:</source>
        <translation>ポート番号:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connection security:</source>
        <translation>接続の保護:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Authentication method:</source>
        <translation>認証方式:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User Name:</source>
        <translation>ユーザー名:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SMTP server:</source>
        <translation>SMTPサーバー:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SMTP port:</source>
        <translation>SMTPポート番号:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SSL/TLS (SMTP):</source>
        <translation>SSL/TLS（SMTP）:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SMTP authentication:</source>
        <translation>SMTP認証:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User ID:</source>
        <translation>ユーザーID:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Outgoing mail server (SMTP):</source>
        <translation>送信メール サーバー (SMTP):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outgoing server (SMTP) port:</source>
        <translation>送信サーバー (SMTP) のポート番号:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use the following type of encrypted connection:</source>
        <translation>使用する暗号化接続の種類:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>My outgoing server (SMTP) requires authentication:</source>
        <translation>送信サーバー (SMTP) は認証が必要:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log on using, User Name:</source>
        <translation>ログオンに使うアカウント名:</translation>
    </message>
</context>
<context>
    <name>i18n</name>
    <message>
        <location filename="../../op25b_wizard/cli/__init__.py" line="-124"/>
        <location line="+90"/>
        <location line="+9"/>
        <location line="+6"/>
        <location filename="../../op25b_wizard/cli/common.py" line="-8"/>
        <location line="+23"/>
        <location line="+25"/>
        <location line="+4"/>
        <location line="+9"/>
        <location line="+52"/>
        <location line="+5"/>
        <location line="+10"/>
        <location line="+3"/>
        <location filename="../../op25b_wizard/cli/launch.py" line="+30"/>
        <location line="+5"/>
        <location line="+5"/>
        <location line="+35"/>
        <source>Cli</source>
        <translation>Cli</translation>
    </message>
</context>
</TS>
