@echo off
rem Inno Setup's sign tool when ISCC runs under wine. ISCC waits for the sign tool to end,
rem and wine cannot wait for a Unix program, so this starts osslsigncode-sign.sh and waits
rem (up to two minutes) for the answer file it leaves beside the signed file.
rem   sign tool command:  cmd /c Z:\...\installer\sign-under-wine.cmd CERT KEY $f
rem (CERT KEY as osslsigncode-sign.sh takes them, as Windows paths: Z:\ is the Unix root)
set "REOPEN_SIGN_CERT=%~1"
set "REOPEN_SIGN_KEY=%~2"
set "REOPEN_SIGN_FILE=%~3"
if exist "%~3.sign-ok" del "%~3.sign-ok"
if exist "%~3.sign-failed" del "%~3.sign-failed"
"%~dp0osslsigncode-sign.sh"
set /a waited=0
:wait
if exist "%~3.sign-ok" goto signed
if exist "%~3.sign-failed" goto failed
if %waited% geq 240 goto failed
set /a waited+=1
ping -n 1 -w 500 127.0.0.1 >nul
goto wait
:signed
del "%~3.sign-ok"
exit /b 0
:failed
echo signing %~3 failed >&2
exit /b 1
